package dev.lovedcrm.crm.report.spi;

import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;

/**
 * Time in one stage, as the store computes it.
 *
 * @param stage the open stage
 * @param stays how many stays ended in the period
 * @param averageSeconds their average length in seconds (0 when none)
 * @param medianSeconds their median length in seconds (0 when none)
 */
public record StageTimeRow(Stage stage, long stays, BigDecimal averageSeconds, BigDecimal medianSeconds) {
}
