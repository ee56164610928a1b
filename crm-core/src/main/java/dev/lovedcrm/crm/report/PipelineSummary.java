package dev.lovedcrm.crm.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The pipeline now: every stage in pipeline order (zeros included) and the share of leads that are closed.
 *
 * @param stages the five stages, {@code lead} to {@code closed}
 * @param total how many leads the organization has (not deleted)
 * @param closedShare closed leads over all leads, 0 to 1 with four decimals (0 without leads)
 */
public record PipelineSummary(List<StageSummary> stages, long total, BigDecimal closedShare) {

    /**
     * Copies the list.
     */
    public PipelineSummary {
        stages = List.copyOf(stages);
    }
}
