package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.lead.Stage;
import java.time.Duration;

/**
 * How long leads stayed in one open stage, over the stays that ended in a period.
 *
 * @param stage the open stage
 * @param stays how many stays ended in the period
 * @param average their average length (zero when none)
 * @param median their median length (zero when none)
 */
public record StageTime(Stage stage, long stays, Duration average, Duration median) {
}
