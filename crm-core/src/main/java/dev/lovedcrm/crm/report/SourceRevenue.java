package dev.lovedcrm.crm.report;

import java.math.BigDecimal;

/**
 * The revenue of one lead source in a period.
 *
 * @param source the lead source ({@code web} when the lead has none)
 * @param won how many of its leads were won in the period
 * @param revenue the sum of their actual values
 */
public record SourceRevenue(String source, long won, BigDecimal revenue) {
}
