package dev.lovedcrm.crm.report.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.billing.Feature;
import dev.lovedcrm.crm.internal.Entitlements;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.report.AssigneeStats;
import dev.lovedcrm.crm.report.DealStats;
import dev.lovedcrm.crm.report.FunnelStep;
import dev.lovedcrm.crm.report.PipelineSummary;
import dev.lovedcrm.crm.report.ReportPeriod;
import dev.lovedcrm.crm.report.Reports;
import dev.lovedcrm.crm.report.SourceRevenue;
import dev.lovedcrm.crm.report.StageSummary;
import dev.lovedcrm.crm.report.StageTime;
import dev.lovedcrm.crm.report.spi.ReportRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** The {@link Reports} service of one tenant scope: reads only. */
public final class DefaultReports implements Reports {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private final TenantWork work;

    public DefaultReports(TenantWork work) {
        this.work = work;
    }

    @Override
    public PipelineSummary pipeline() {
        return work.run(Action.REPORT_READ, tx -> {
            List<StageSummary> stages = reports(tx).stageSummary(tx.organizationId());
            long total = stages.stream().mapToLong(StageSummary::count).sum();
            long closed = stages.stream().filter(s -> s.stage() == Stage.CLOSED).mapToLong(StageSummary::count).sum();
            BigDecimal share = total == 0 ? BigDecimal.ZERO.setScale(4)
                    : BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
            return new PipelineSummary(stages, total, share);
        });
    }

    @Override
    public List<FunnelStep> funnel(ReportPeriod period) {
        return advanced(period, (tx, p) -> reports(tx).funnel(tx.organizationId(), p.from(), p.to()));
    }

    @Override
    public DealStats deals(ReportPeriod period) {
        return advanced(period, (tx, p) -> reports(tx).deals(tx.organizationId(), p.from(), p.to()));
    }

    @Override
    public List<SourceRevenue> revenueBySource(ReportPeriod period) {
        return advanced(period, (tx, p) -> reports(tx).revenueBySource(tx.organizationId(), p.from(), p.to()));
    }

    @Override
    public List<StageTime> timeInStage(ReportPeriod period) {
        return advanced(period, (tx, p) -> reports(tx).timeInStage(tx.organizationId(), p.from(), p.to()).stream()
                .map(row -> new StageTime(row.stage(), row.stays(), duration(row.averageSeconds()),
                        duration(row.medianSeconds())))
                .toList());
    }

    @Override
    public List<AssigneeStats> byAssignee(ReportPeriod period) {
        return advanced(period, (tx, p) -> reports(tx).byAssignee(tx.organizationId(), p.from(), p.to()));
    }

    private interface Query<T> {
        T read(TenantTransaction tx, ReportPeriod period);
    }

    /** Checks the period first, then the permission and the plan's {@code advanced_reports} in the transaction. */
    private <T> T advanced(ReportPeriod period, Query<T> query) {
        Validation.requireNonNull("period", period);
        return work.run(Action.REPORT_READ, tx -> {
            new Entitlements(tx).requireFeature(Feature.ADVANCED_REPORTS);
            return query.read(tx, period);
        });
    }

    private static Duration duration(BigDecimal seconds) {
        if (seconds == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private static ReportRepository reports(TenantTransaction tx) {
        return tx.repository(ReportRepository.class);
    }
}
