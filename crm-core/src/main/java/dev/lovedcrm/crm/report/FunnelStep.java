package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;

/**
 * One stage of the conversion funnel.
 *
 * @param stage the stage
 * @param reached how many of the period's leads were in the stage at some time (created in it, moved, closed or
 *     reopened into it, by the activity log; or in it now)
 * @param share {@code reached} over the period's leads, 0 to 1 with four decimals (0 without leads)
 */
public record FunnelStep(Stage stage, long reached, BigDecimal share) {
}
