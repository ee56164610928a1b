package dev.lovedcrm.crm.it.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.report.AssigneeStats;
import dev.lovedcrm.crm.report.DealStats;
import dev.lovedcrm.crm.report.FunnelStep;
import dev.lovedcrm.crm.report.PipelineSummary;
import dev.lovedcrm.crm.report.ReportPeriod;
import dev.lovedcrm.crm.report.Reports;
import dev.lovedcrm.crm.report.SourceRevenue;
import dev.lovedcrm.crm.report.StageSummary;
import dev.lovedcrm.crm.report.StageTime;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Reports over a pipeline built through the lead service on a controlled clock, against numbers computed by hand;
 * the plan gate of the advanced reports; bad periods; another organization's leads never counted.
 */
@CrmDatabaseTest
class ReportsIT {

    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        fx = new TenancyFixture(database.dataSource());
    }

    @Test
    void everyFigureMatchesTheHandComputedPipelineAndIgnoresDeletedLeadsAndOtherOrganizations() {
        UserId a = fx.user("reports-a");
        Organization org = fx.organization(a, "Reports Co");
        UserId b = fx.member(org, a, Role.MEMBER, "reports-b");
        TenantScope scope = fx.scope(org.id(), a);
        scope.billing().changePlan("professional");
        UserId otherOwner = fx.user("reports-other");
        Organization other = fx.organization(otherOwner, "Other Reports Co");
        TenantScope otherScope = fx.scope(other.id(), otherOwner);
        otherScope.billing().changePlan("professional");

        // Ten days before the period: L6 is created and moved to negotiation an hour later.
        LeadId l6 = create(scope, "L6", "web", "700", b);
        fx.clock.advance(Duration.ofHours(1));
        scope.leads().moveToStage(l6, Stage.NEGOTIATION);
        fx.clock.advance(Duration.ofDays(10).minusHours(1));

        Instant t0 = fx.clock.instant();
        LeadId l1 = create(scope, "L1", "web", "1000", a);
        LeadId l2 = create(scope, "L2", "ads", "500", a);
        LeadId l3 = create(scope, "L3", "ads", "2000", b);
        LeadId l4 = create(scope, "L4", null, "300", null);
        LeadId l5 = create(scope, "L5", "web", "9999", a);
        LeadId l7 = create(scope, "L7", "web", null, null);
        at(t0, 1);
        scope.leads().moveToStage(l1, Stage.CONTACT);
        scope.leads().moveToStage(l4, Stage.CONTACT);
        scope.leads().closeAsWon(l5);
        scope.leads().delete(l5);
        at(t0, 2);
        scope.leads().moveToStage(l2, Stage.CONTACT);
        scope.leads().closeAsWon(l7, new BigDecimal("400"));
        at(t0, 3);
        scope.leads().moveToStage(l1, Stage.PROPOSAL);
        at(t0, 4);
        scope.leads().closeAsLost(l2, "preço");
        at(t0, 5);
        scope.leads().moveToStage(l3, Stage.PROPOSAL);
        scope.leads().reopen(l7, Stage.PROPOSAL);
        at(t0, 6);
        scope.leads().closeAsWon(l3, new BigDecimal("3000"));
        at(t0, 7);
        scope.leads().closeAsWon(l1, new BigDecimal("1200"));
        // The other organization: big won deals and zero-length stays in the same period.
        LeadId big = create(otherScope, "Other", "ads", "50000", otherOwner);
        otherScope.leads().moveToStage(big, Stage.CONTACT);
        otherScope.leads().closeAsWon(big, new BigDecimal("50000"));
        create(otherScope, "Other open", "web", "70000", otherOwner);
        at(t0, 8);

        ReportPeriod day = ReportPeriod.between(t0, t0.plus(Duration.ofDays(1)));
        Reports reports = scope.reports();

        PipelineSummary pipeline = reports.pipeline();
        assertThat(pipeline.stages()).extracting(StageSummary::stage).containsExactly(Stage.values());
        assertThat(pipeline.stages()).extracting(StageSummary::count).containsExactly(0L, 1L, 1L, 1L, 3L);
        assertThat(values(pipeline.stages(), StageSummary::value)).containsExactly("0", "300", "0", "700", "3500");
        assertThat(pipeline.total()).isEqualTo(6);
        assertThat(pipeline.closedShare()).isEqualByComparingTo("0.5");

        List<FunnelStep> funnel = reports.funnel(day);
        assertThat(funnel).extracting(FunnelStep::stage).containsExactly(Stage.values());
        assertThat(funnel).extracting(FunnelStep::reached).containsExactly(5L, 3L, 3L, 0L, 4L);
        assertThat(values(funnel, FunnelStep::share)).containsExactly("1", "0.6", "0.6", "0", "0.8");

        DealStats deals = reports.deals(day);
        assertThat(deals.closed()).isEqualTo(3);
        assertThat(deals.won()).isEqualTo(2);
        assertThat(deals.winRate()).isEqualByComparingTo("0.6667");
        assertThat(deals.averageDealSize()).isEqualByComparingTo("2100");

        List<SourceRevenue> sources = reports.revenueBySource(day);
        assertThat(sources).extracting(SourceRevenue::source).containsExactly("ads", "web");
        assertThat(sources).extracting(SourceRevenue::won).containsExactly(1L, 1L);
        assertThat(values(sources, SourceRevenue::revenue)).containsExactly("3000", "1200");

        List<StageTime> times = reports.timeInStage(day);
        assertThat(times).extracting(StageTime::stage)
                .containsExactly(Stage.LEAD, Stage.CONTACT, Stage.PROPOSAL, Stage.NEGOTIATION);
        assertThat(times).extracting(StageTime::stays).containsExactly(5L, 2L, 2L, 0L);
        assertThat(times).extracting(StageTime::average).containsExactly(Duration.ofMinutes(132),
                Duration.ofHours(2), Duration.ofMinutes(150), Duration.ZERO);
        assertThat(times).extracting(StageTime::median).containsExactly(Duration.ofHours(2),
                Duration.ofHours(2), Duration.ofMinutes(150), Duration.ZERO);

        List<AssigneeStats> people = reports.byAssignee(day);
        assertThat(people).extracting(AssigneeStats::userId).containsExactly(b, a, null);
        assertThat(people).extracting(AssigneeStats::leads).containsExactly(1L, 2L, 2L);
        assertThat(people).extracting(AssigneeStats::won).containsExactly(1L, 1L, 0L);
        assertThat(values(people, AssigneeStats::value)).containsExactly("3000", "1200", "0");
        assertThat(people.toString()).doesNotContain(otherOwner.value().toString());

        // A period before the scenario holds only L6's creation and its stay in "lead".
        ReportPeriod before = ReportPeriod.between(t0.minus(Duration.ofDays(11)), t0.minus(Duration.ofDays(9)));
        assertThat(reports.funnel(before)).extracting(FunnelStep::reached).containsExactly(1L, 0L, 0L, 1L, 0L);
        assertThat(reports.timeInStage(before)).extracting(StageTime::stays).containsExactly(1L, 0L, 0L, 0L);
        assertThat(reports.deals(before).closed()).isZero();
        assertThat(reports.deals(before).winRate()).isEqualByComparingTo("0");
        assertThat(reports.revenueBySource(before)).isEmpty();

        // The other organization sees only its own.
        PipelineSummary theirs = otherScope.reports().pipeline();
        assertThat(theirs.stages()).extracting(StageSummary::count).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(otherScope.reports().deals(day).won()).isEqualTo(1);
    }

    @Test
    void basicHasThePipelineSummaryAndIsRefusedTheAdvancedReportsUntilProfessional() {
        UserId owner = fx.user("reports-basic");
        Organization org = fx.organization(owner, "Basic Reports Co");
        UserId viewer = fx.member(org, owner, Role.VIEWER, "reports-viewer");
        TenantScope scope = fx.scope(org.id(), owner);
        create(scope, "Only", "web", "10", null);
        ReportPeriod period = ReportPeriod.between(Instant.EPOCH, fx.clock.instant().plus(Duration.ofDays(1)));
        Reports viewerReports = fx.scope(org.id(), viewer).reports();

        assertThat(viewerReports.pipeline().total()).isEqualTo(1);
        for (Executable advanced : List.<Executable>of(() -> viewerReports.funnel(period),
                () -> viewerReports.deals(period), () -> viewerReports.revenueBySource(period),
                () -> viewerReports.timeInStage(period), () -> viewerReports.byAssignee(period))) {
            PlanLimitExceededException refused = assertThrows(PlanLimitExceededException.class, advanced);
            assertThat(refused.code()).isEqualTo("plan.feature_required");
            assertThat(refused.getMessage()).contains("Básico", "advanced_reports", "Profissional");
        }

        scope.billing().changePlan("professional");

        assertThat(viewerReports.funnel(period)).extracting(FunnelStep::reached).containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(viewerReports.byAssignee(period)).extracting(AssigneeStats::leads).containsExactly(1L);
    }

    @Test
    void badPeriodsNameTheirField() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(field(() -> ReportPeriod.between(now, now.minusSeconds(1)))).isEqualTo("to");
        assertThat(field(() -> ReportPeriod.between(now, now))).isEqualTo("to");
        assertThat(field(() -> ReportPeriod.between(null, now))).isEqualTo("from");
        assertThat(field(() -> ReportPeriod.between(now, null))).isEqualTo("to");
        UserId owner = fx.user("reports-bad");
        Organization org = fx.organization(owner, "Bad Reports Co");
        Reports reports = fx.scope(org.id(), owner).reports();
        assertThat(field(() -> reports.funnel(null))).isEqualTo("period");
        assertThat(field(() -> reports.deals(null))).isEqualTo("period");
        assertThat(field(() -> reports.revenueBySource(null))).isEqualTo("period");
        assertThat(field(() -> reports.timeInStage(null))).isEqualTo("period");
        assertThat(field(() -> reports.byAssignee(null))).isEqualTo("period");
    }

    private static String field(Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertThat(e.fieldErrors()).hasSize(1);
        return e.fieldErrors().keySet().iterator().next();
    }

    private static LeadId create(TenantScope scope, String name, String source, String value, UserId assignee) {
        NewLead lead = NewLead.named(name).source(source).assignedTo(assignee);
        if (value != null) {
            lead = lead.estimatedValue(new BigDecimal(value));
        }
        return scope.leads().create(lead).id();
    }

    private static void at(Instant t0, int hours) {
        Instant target = t0.plus(Duration.ofHours(hours));
        fx.clock.advance(Duration.between(fx.clock.instant(), target));
    }

    private static <T> List<String> values(List<T> rows, Function<T, BigDecimal> value) {
        return rows.stream().map(value).map(v -> v.stripTrailingZeros().toPlainString()).toList();
    }
}
