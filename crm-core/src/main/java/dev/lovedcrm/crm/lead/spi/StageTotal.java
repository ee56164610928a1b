package dev.lovedcrm.crm.lead.spi;

import dev.lovedcrm.crm.lead.Stage;
import java.math.BigDecimal;

/**
 * How many leads are in a stage and the sum of their estimated values.
 *
 * @param stage the stage
 * @param count the number of leads
 * @param valueSum the sum of their estimated values (none counts as zero)
 */
public record StageTotal(Stage stage, long count, BigDecimal valueSum) {
}
