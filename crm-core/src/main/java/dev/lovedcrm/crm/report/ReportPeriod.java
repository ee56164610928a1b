package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.error.ValidationException;
import java.time.Instant;

/**
 * A half-open period {@code [from, to)} of an advanced report.
 *
 * @param from the first instant included
 * @param to the first instant after the period
 */
public record ReportPeriod(Instant from, Instant to) {

    /**
     * Checks the period.
     *
     * @throws ValidationException on {@code from} or {@code to} when absent, on {@code to} when not after {@code from}
     */
    public ReportPeriod {
        if (from == null) {
            throw ValidationException.of("from", "is required");
        }
        if (to == null) {
            throw ValidationException.of("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw ValidationException.of("to", "must be after from");
        }
    }

    /**
     * The period {@code [from, to)}.
     *
     * @param from the first instant included
     * @param to the first instant after the period
     * @return the period
     * @throws ValidationException when either is absent or {@code to} is not after {@code from}
     */
    public static ReportPeriod between(Instant from, Instant to) {
        return new ReportPeriod(from, to);
    }
}
