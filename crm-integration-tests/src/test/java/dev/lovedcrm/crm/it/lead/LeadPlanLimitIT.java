package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Básico plan's 100 leads, also when 20 creations race at 95; paid plans are unlimited. */
@CrmDatabaseTest
class LeadPlanLimitIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void theHundredAndFirstLeadOnBasicIsRefusedNamingTheCheaperPlanThatAllowsMore() throws SQLException {
        UserId owner = fx.user("basic");
        Organization org = fx.organization(owner, "Basic Co");
        TenantScope scope = fx.scope(org.id(), owner);
        seedLeads(org.id(), 99);
        scope.leads().create(NewLead.named("Hundredth"));

        PlanLimitExceededException refused = assertThrows(PlanLimitExceededException.class,
                () -> scope.leads().create(NewLead.named("Hundred and first")));

        assertThat(refused.code()).isEqualTo("plan.lead_limit_reached");
        assertThat(refused.getMessage()).contains("Básico", "100", "Profissional", "professional");
        assertThat(count(org.id())).isEqualTo(100);
        scope.leads().delete(scope.leads().list().items().get(0).id());
        scope.leads().create(NewLead.named("Room again after a delete"));
        assertThat(count(org.id())).isEqualTo(100);
    }

    @Test
    void twentyRacingCreationsAtNinetyFiveLeaveExactlyOneHundred() throws Exception {
        for (int round = 0; round < 3; round++) {
            UserId owner = fx.user("race");
            Organization org = fx.organization(owner, "Race Co " + round);
            seedLeads(org.id(), 95);
            TenantScope scope = fx.scope(org.id(), owner);
            Callable<?>[] calls = IntStream.range(0, 20)
                    .<Callable<?>>mapToObj(i -> () -> scope.leads().create(NewLead.named("Racer " + i)))
                    .toArray(Callable<?>[]::new);

            List<Object> outcomes = Race.run(calls);

            assertThat(outcomes).filteredOn(o -> o instanceof PlanLimitExceededException e
                    && e.code().equals("plan.lead_limit_reached")).hasSize(15);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(5);
            assertThat(count(org.id())).isEqualTo(100);
            assertThat(Sql.number(db.ownerDataSource(),
                    "SELECT count(*) FROM crm.lead_activities WHERE organization_id = ? AND activity_type = 'created'",
                    org.id().value())).isEqualTo(5);
        }
    }

    @Test
    void anOrganizationOnTheProfessionalPlanHasNoLeadLimit() throws SQLException {
        UserId owner = fx.user("pro");
        Organization org = fx.organization(owner, "Pro Co");
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO crm.organization_subscriptions (organization_id, id, plan_id, status, is_active)
                SELECT ?, gen_random_uuid(), id, 'active', true FROM crm.plans WHERE slug = 'professional'""")) {
            s.setObject(1, org.id().value());
            s.executeUpdate();
        }
        seedLeads(org.id(), 100);

        fx.scope(org.id(), owner).leads().create(NewLead.named("Hundred and first"));

        assertThat(count(org.id())).isEqualTo(101);
    }

    /** Leads written directly, as the schema owner, to bring an organization near its quota quickly. */
    private static void seedLeads(OrganizationId org, int count) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO crm.leads (organization_id, id, name)
                SELECT ?, gen_random_uuid(), 'Seeded ' || n FROM generate_series(1, ?) AS n""")) {
            s.setObject(1, org.value());
            s.setInt(2, count);
            s.executeUpdate();
        }
    }

    private static long count(OrganizationId org) throws SQLException {
        return Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.leads WHERE organization_id = ? AND deleted_at IS NULL", org.value());
    }
}
