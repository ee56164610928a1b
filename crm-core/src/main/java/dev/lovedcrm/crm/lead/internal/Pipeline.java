package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The only way the pipeline state of a lead changes, so that it always agrees with the stage: open stages are
 * never closed, won, valued, explained or dated; {@link Stage#CLOSED} is always closed and dated, won with an
 * actual value or lost with a reason.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * The lead in an open stage (reopened if it was closed): not closed, not won, no actual value, reason or close time.
     *
     * @param lead the lead
     * @param stage an open stage
     * @return the copy
     */
    public static Lead open(Lead lead, Stage stage) {
        if (!stage.isOpen()) {
            throw new IllegalArgumentException("not an open stage: " + stage);
        }
        return lead.withPipeline(stage, false, false, null, null, null);
    }

    /**
     * The lead closed as won.
     *
     * @param lead an open lead
     * @param actualValue the value it closed at, or {@code null} for its estimated value
     * @param at when
     * @return the copy
     */
    public static Lead won(Lead lead, BigDecimal actualValue, Instant at) {
        return lead.withPipeline(Stage.CLOSED, true, true, actualValue != null ? actualValue : lead.estimatedValue(), null, at);
    }

    /**
     * The lead closed as lost.
     *
     * @param lead an open lead
     * @param reason why
     * @param at when
     * @return the copy
     */
    public static Lead lost(Lead lead, String reason, Instant at) {
        return lead.withPipeline(Stage.CLOSED, true, false, null, reason, at);
    }

    /**
     * Whether a lead's pipeline state is consistent (what the database CHECK {@code ck_leads_pipeline_state} says).
     *
     * @param lead the lead
     * @return true if consistent
     */
    public static boolean consistent(Lead lead) {
        boolean closed = lead.stage() == Stage.CLOSED;
        return lead.closed() == closed
                && (closed || !lead.won())
                && (lead.closedAt() != null) == closed
                && (lead.lostReason() == null || closed && !lead.won())
                && (lead.actualValue() == null || lead.won());
    }
}
