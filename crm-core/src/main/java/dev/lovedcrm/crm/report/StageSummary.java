package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;

/**
 * The leads in one stage now.
 *
 * @param stage the stage
 * @param count how many leads are in it
 * @param value the sum of their estimated values (0 when none)
 */
public record StageSummary(Stage stage, long count, BigDecimal value) {
}
