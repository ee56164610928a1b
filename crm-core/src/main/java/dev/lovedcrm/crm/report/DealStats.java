package dev.lovedcrm.crm.report;

import java.math.BigDecimal;

/**
 * Leads closed in a period.
 *
 * @param closed how many were closed (won or lost)
 * @param won how many were won
 * @param winRate {@code won / closed}, 0 to 1 with four decimals (0 when none closed)
 * @param averageDealSize the average actual value of the won leads that have one, two decimals (0 when none)
 */
public record DealStats(long closed, long won, BigDecimal winRate, BigDecimal averageDealSize) {
}
