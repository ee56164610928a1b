package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.TypedId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.it.isolation.IsolationOperation;
import dev.lovedcrm.crm.it.isolation.IsolationOperations;
import dev.lovedcrm.crm.it.isolation.IsolationWorld;
import dev.lovedcrm.crm.it.isolation.IsolationWorld.Tenant;
import dev.lovedcrm.crm.it.isolation.Step;
import dev.lovedcrm.crm.it.isolation.TenantTables;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random operations by members of two organizations, each aimed at a random user or invite of
 * either organization: none may read, list, change or remove anything of the other organization.
 *
 * <p>The operations come from every feature registered in {@link IsolationOperations#registered()}
 * (organization, members, invites, preferences, two-factor, leads with their timeline). The other organization's rows are
 * fingerprinted as the schema owner (outside row-level security) in <em>every</em> tenant table the
 * catalog lists, before and after every operation. QuickTheories draws the sequences; on failure it
 * reports the smallest failing sequence and the seed ({@code -DQT_SEED=<seed>} replays it).
 */
class TenantIsolationPropertiesIT {

    private static final List<Role> ROLES = List.of(Role.MEMBER, Role.VIEWER, Role.ADMIN, Role.OWNER);

    private static CrmTestDatabase database;
    private static IsolationWorld world;
    private static TenantTables tenantTables;

    @BeforeAll
    static void twoTenants() throws SQLException {
        database = CrmTestDatabases.create();
        world = new IsolationWorld(database);
        tenantTables = TenantTables.read(database.ownerDataSource());
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void noOperationEverTouchesTheOtherOrganization() {
        // 60 sequences of up to 24 steps: about 750 steps, so each of the ~30 operations is drawn some
        // 25 times per run, as often as each of the 10 kinds of the earlier version of this property.
        qt().withExamples(60)
                .withShrinkCycles(30)
                .forAll(lists().of(steps()).ofSizeBetween(1, 24))
                .checkAssert(TenantIsolationPropertiesIT::runAll);
    }

    @Test
    void everyFeatureContributesOperations() {
        assertThat(IsolationOperations.registered())
                .extracting(IsolationOperations::feature)
                .containsExactlyInAnyOrder("organization", "members", "invites", "preferences", "twoFactor", "leads",
                        "billing", "reports");
        assertThat(IsolationOperations.registered()).allSatisfy(feature -> assertThat(feature.operations()).isNotEmpty());
        assertThat(IsolationOperations.all()).extracting(IsolationOperation::name).doesNotHaveDuplicates();
    }

    /** Steps over every registered operation, any actor of either organization, any target of either. */
    private static Gen<Step> steps() {
        List<IsolationOperation> operations = IsolationOperations.all();
        Gen<Integer> tenant = integers().between(0, 1);
        Gen<Integer> user = integers().between(0, IsolationWorld.USERS - 1);
        Gen<Integer> operation = integers().between(0, operations.size() - 1);
        Gen<Integer> role = integers().between(0, ROLES.size() - 1);
        Gen<Integer> salt = integers().between(0, 999);
        return in -> new Step(tenant.generate(in), user.generate(in), operations.get(operation.generate(in)),
                tenant.generate(in), user.generate(in), ROLES.get(role.generate(in)), salt.generate(in));
    }

    private static void runAll(List<Step> steps) {
        for (Step step : steps) {
            try {
                run(step);
            } catch (SQLException e) {
                throw new IllegalStateException("could not fingerprint the other organization", e);
            }
        }
    }

    private static void run(Step step) throws SQLException {
        Tenant own = world.tenant(step.actorTenant());
        Tenant other = world.other(step.actorTenant());
        Map<String, String> before = tenantTables.fingerprint(other.organization().id());

        Object result = perform(own, step);

        assertThat(tenantTables.fingerprint(other.organization().id()))
                .as("%s changed the other organization's rows", step)
                .isEqualTo(before);
        assertRevealsNothingOf(result, own, other, step);
    }

    private static Object perform(Tenant own, Step step) {
        try {
            TenantScope scope = world.scope(own, step.actor());
            return step.operation().action().perform(world, scope, step);
        } catch (CrmException refused) {
            return refused;
        } catch (Exception e) {
            throw new AssertionError(step + " failed with something other than a CrmException", e);
        }
    }

    /**
     * Rows in a result belong to the acting organization, and nothing the operation returned names an
     * id of the other organization, its members or its invites. (A refusal may repeat what the caller
     * sent, so exceptions are not searched for ids; what they change is covered by the fingerprint.)
     */
    private static void assertRevealsNothingOf(Object result, Tenant own, Tenant other, Step step) {
        if (result instanceof CrmException) {
            return;
        }
        List<Object> rows = new ArrayList<>();
        if (result instanceof List<?> list) {
            rows.addAll(list);
        } else if (result != null) {
            rows.add(result);
        }
        for (Object row : rows) {
            if (row instanceof MemberSummary m) {
                row = m.member();
            }
            if (row instanceof Member m) {
                assertThat(m.organizationId()).as("%s returned %s", step, m).isEqualTo(own.organization().id());
                assertThat(other.users()).as("%s returned %s", step, m).doesNotContain(m.userId());
            } else if (row instanceof Lead l) {
                assertThat(l.organizationId()).as("%s returned %s", step, l).isEqualTo(own.organization().id());
            } else if (row instanceof Activity a) {
                assertThat(a.organizationId()).as("%s returned %s", step, a).isEqualTo(own.organization().id());
            } else if (row instanceof Invite i) {
                assertThat(i.organizationId()).as("%s returned %s", step, i).isEqualTo(own.organization().id());
                assertThat(other.invites()).as("%s returned %s", step, i).doesNotContain(i.id());
            }
        }
        String text = String.valueOf(result);
        List<TypedId> otherIds = new ArrayList<>();
        otherIds.add(other.organization().id());
        otherIds.addAll(other.users());
        otherIds.addAll(other.invites());
        otherIds.addAll(world.leads(other.index()));
        for (TypedId id : otherIds) {
            assertThat(text).as("%s returned an id of the other organization", step).doesNotContain(id.value().toString());
        }
    }
}
