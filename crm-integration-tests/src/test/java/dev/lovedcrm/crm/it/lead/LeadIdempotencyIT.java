package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** leads().create(lead, idempotencyKey): one lead per organization and key within 24 hours, also under races. */
@CrmDatabaseTest
class LeadIdempotencyIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void aReplayReturnsTheFirstLeadWithoutASecondRowActivityOrEvent() throws SQLException {
        Tenant t = tenant("replay");
        String key = UUID.randomUUID().toString();
        NewLead input = NewLead.named("Maria Souza").email("Maria@Exemplo.com.br").tags(List.of("VIP"))
                .estimatedValue(new BigDecimal("15000")).metadata(Map.of("b", 2, "a", 1));

        Lead first = t.scope.leads().create(input, key);
        Lead moved = t.scope.leads().moveToStage(first.id(), Stage.CONTACT);
        // The same lead written differently (normalised the same way) is the same payload.
        Lead replay = t.scope.leads().create(NewLead.named(" Maria Souza ").email("maria@exemplo.com.br")
                .tags(List.of(" vip ")).estimatedValue(new BigDecimal("15000.00")).metadata(Map.of("a", 1, "b", 2)), key);

        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(replay.stage()).isEqualTo(Stage.CONTACT);
        assertThat(replay).isEqualTo(moved);
        assertThat(counts(t.org)).isEqualTo(new Counts(1, 1, 1));
        assertThat(Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.lead_idempotency_keys WHERE organization_id = ? AND lead_id = ?",
                t.org.value(), first.id().value())).isEqualTo(1);
        // Without a key, or with another key, the same payload makes new leads.
        t.scope.leads().create(input);
        t.scope.leads().create(input, key + "-2");
        assertThat(counts(t.org).leads()).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherPayloadIsAConflictAndWritesNothing() throws SQLException {
        Tenant t = tenant("conflict");
        t.scope.leads().create(NewLead.named("Ana").email("ana@x.com"), "k-1");

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> t.scope.leads().create(NewLead.named("Ana").email("ana@y.com"), "k-1"));

        assertThat(conflict.code()).isEqualTo("lead.idempotency_key_reused");
        assertThat(counts(t.org)).isEqualTo(new Counts(1, 1, 1));
    }

    @Test
    void twoConcurrentCallsWithOneKeyCreateOneLead() throws Exception {
        raceWithOneKey(2);
    }

    @Test
    void eightConcurrentCallsWithOneKeyCreateOneLead() throws Exception {
        for (int round = 0; round < 3; round++) {
            raceWithOneKey(8);
        }
    }

    @Test
    void concurrentCallsWithOneKeyAndDifferentPayloadsCreateOneLeadAndConflictTheRest() throws Exception {
        Tenant t = tenant("race-conflict");
        Callable<?>[] calls = IntStream.range(0, 6)
                .<Callable<?>>mapToObj(i -> () -> t.scope.leads().create(NewLead.named("Racer " + i), "shared"))
                .toArray(Callable<?>[]::new);

        List<Object> outcomes = Race.run(calls);

        assertThat(outcomes).filteredOn(o -> o instanceof Lead).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ConflictException e
                && e.code().equals("lead.idempotency_key_reused")).hasSize(5);
        assertThat(counts(t.org)).isEqualTo(new Counts(1, 1, 1));
    }

    @Test
    void afterTwentyFourHoursTheKeyCreatesANewLead() throws SQLException {
        Tenant t = tenant("expiry");
        Lead first = t.scope.leads().create(NewLead.named("Day one"), "daily");

        fx.clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(t.scope.leads().create(NewLead.named("Day one"), "daily").id()).isEqualTo(first.id());
        assertThrows(ConflictException.class, () -> t.scope.leads().create(NewLead.named("Day two"), "daily"));

        fx.clock.advance(Duration.ofMinutes(2));
        Lead second = t.scope.leads().create(NewLead.named("Day two"), "daily");
        Lead replay = t.scope.leads().create(NewLead.named("Day two"), "daily");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(replay.id()).isEqualTo(second.id());
        assertThat(counts(t.org)).isEqualTo(new Counts(2, 2, 2));
        assertThrows(ConflictException.class, () -> t.scope.leads().create(NewLead.named("Day one"), "daily"));
    }

    @Test
    void keysArePerOrganization() throws SQLException {
        Tenant a = tenant("per-org-a");
        Tenant b = tenant("per-org-b");

        Lead inA = a.scope.leads().create(NewLead.named("Same"), "shared-key");
        Lead inB = b.scope.leads().create(NewLead.named("Same"), "shared-key");
        Lead otherPayloadInB = b.scope.leads().create(NewLead.named("Same"), "shared-key");

        assertThat(inB.id()).isNotEqualTo(inA.id());
        assertThat(inB.organizationId()).isEqualTo(b.org);
        assertThat(otherPayloadInB.id()).isEqualTo(inB.id());
        assertThat(counts(a.org)).isEqualTo(new Counts(1, 1, 1));
        assertThat(counts(b.org)).isEqualTo(new Counts(1, 1, 1));
        // A different payload in A does not care about B's use of the key, only A's.
        assertThrows(ConflictException.class, () -> a.scope.leads().create(NewLead.named("Other"), "shared-key"));
    }

    @Test
    void aReplayAtTheQuotaReturnsTheLeadAndANewKeyIsStillRefused() throws SQLException {
        Tenant t = tenant("quota");
        seedLeads(t.org, 99);
        Lead hundredth = t.scope.leads().create(NewLead.named("Hundredth"), "k-100");

        assertThat(t.scope.leads().create(NewLead.named("Hundredth"), "k-100").id()).isEqualTo(hundredth.id());
        PlanLimitExceededException refused = assertThrows(PlanLimitExceededException.class,
                () -> t.scope.leads().create(NewLead.named("Hundred and first"), "k-101"));

        assertThat(refused.code()).isEqualTo("plan.lead_limit_reached");
        assertThat(counts(t.org).leads()).isEqualTo(100);
        // The refused call kept no key: after a delete, the same key creates the lead.
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.lead_idempotency_keys WHERE organization_id = ?",
                t.org.value())).isEqualTo(1);
        t.scope.leads().delete(hundredth.id());
        Lead created = t.scope.leads().create(NewLead.named("Hundred and first"), "k-101");
        assertThat(created.id()).isNotEqualTo(hundredth.id());
        NotFoundException gone = assertThrows(NotFoundException.class,
                () -> t.scope.leads().create(NewLead.named("Hundredth"), "k-100"));
        assertThat(gone.code()).isEqualTo("lead.not_found");
    }

    @Test
    void badInputIsRefusedBeforeAnyWrite() throws SQLException {
        Tenant t = tenant("bad");
        for (String bad : new String[] {"", " ", " padded", "padded ", "k".repeat(256), "line\nbreak", "tab\t", "acentuação"}) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> t.scope.leads().create(NewLead.named("Bad key"), bad), bad);
            assertThat(refused.fieldErrors()).containsOnlyKeys("idempotencyKey");
        }
        assertThat(assertThrows(ValidationException.class,
                () -> t.scope.leads().create(NewLead.named(" "), "fine")).fieldErrors()).containsKey("name");
        assertThat(assertThrows(ValidationException.class,
                () -> t.scope.leads().create(null, "fine")).fieldErrors()).containsKey("lead");
        t.scope.leads().create(NewLead.named("Longest key"), "k".repeat(255));

        UserId viewer = fx.member(t.organization, t.owner, Role.VIEWER, "idem-viewer");
        assertThrows(PermissionDeniedException.class,
                () -> fx.scope(t.org, viewer).leads().create(NewLead.named("Longest key"), "k".repeat(255)));
        assertThat(counts(t.org)).isEqualTo(new Counts(1, 1, 1));
        assertThat(t.scope.leads().create(NewLead.named("No key"), null).name()).isEqualTo("No key");
    }

    private static void raceWithOneKey(int callers) throws Exception {
        Tenant t = tenant("race-" + callers);
        String key = UUID.randomUUID().toString();
        Callable<?>[] calls = IntStream.range(0, callers)
                .<Callable<?>>mapToObj(i -> () -> t.scope.leads().create(NewLead.named("Racer").company("Same Co"), key))
                .toArray(Callable<?>[]::new);

        List<Object> outcomes = Race.run(calls);

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Lead.class));
        assertThat(outcomes.stream().map(o -> ((Lead) o).id()).distinct()).hasSize(1);
        assertThat(counts(t.org)).isEqualTo(new Counts(1, 1, 1));
    }

    private record Tenant(UserId owner, Organization organization, OrganizationId org, TenantScope scope) {
    }

    private static Tenant tenant(String name) {
        UserId owner = fx.user("idem-" + name);
        Organization organization = fx.organization(owner, "Idem " + name);
        return new Tenant(owner, organization, organization.id(), fx.scope(organization.id(), owner));
    }

    private record Counts(long leads, long createdActivities, long createdEvents) {
    }

    private static Counts counts(OrganizationId org) throws SQLException {
        return new Counts(
                Sql.number(db.ownerDataSource(),
                        "SELECT count(*) FROM crm.leads WHERE organization_id = ? AND deleted_at IS NULL", org.value()),
                Sql.number(db.ownerDataSource(),
                        "SELECT count(*) FROM crm.lead_activities WHERE organization_id = ? AND activity_type = 'created'",
                        org.value()),
                Sql.number(db.ownerDataSource(),
                        "SELECT count(*) FROM crm.domain_events WHERE organization_id = ? AND event_type = 'lead.created'",
                        org.value()));
    }

    private static void seedLeads(OrganizationId org, int count) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO crm.leads (organization_id, id, name)
                SELECT ?, gen_random_uuid(), 'Seeded ' || n FROM generate_series(1, ?) AS n""")) {
            s.setObject(1, org.value());
            s.setInt(2, count);
            s.executeUpdate();
        }
    }
}
