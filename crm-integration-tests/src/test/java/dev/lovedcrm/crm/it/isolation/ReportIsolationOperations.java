package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.report.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Report operations: they take no id from the caller, so the property checks that they read (and reveal) nothing
 * of the other organization, whichever plan the acting one is on (billing operations switch it).
 */
final class ReportIsolationOperations implements IsolationOperations {

    @Override
    public String feature() {
        return "reports";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("pipeline", (world, scope, step) -> scope.reports().pipeline()),
                operation("funnel", (world, scope, step) -> scope.reports().funnel(period())),
                operation("deals", (world, scope, step) -> scope.reports().deals(period())),
                operation("revenueBySource", (world, scope, step) -> scope.reports().revenueBySource(period())),
                operation("timeInStage", (world, scope, step) -> scope.reports().timeInStage(period())),
                operation("byAssignee", (world, scope, step) -> scope.reports().byAssignee(period())));
    }

    /** A period around now, wide enough for every lead and activity of the run. */
    private static ReportPeriod period() {
        Instant now = Instant.now();
        return ReportPeriod.between(now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)));
    }
}
