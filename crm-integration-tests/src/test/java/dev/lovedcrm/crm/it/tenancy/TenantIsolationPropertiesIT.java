package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random operations by members of two organizations, each aimed at a random user or invite of
 * either organization: none may read, list, change or remove anything of the other organization.
 * The other organization's rows are fingerprinted as the schema owner (outside row-level security)
 * before and after every operation.
 */
class TenantIsolationPropertiesIT {

    private static CrmTestDatabase database;
    private static TenancyFixture fx;
    private static final List<Tenant> TENANTS = new ArrayList<>();

    /** One organization with a member of every role and some pending invites. */
    record Tenant(Organization organization, List<UserId> users, List<InviteId> invites) {
    }

    enum Kind { LIST_MEMBERS, LIST_INVITES, GET_MEMBER, CHANGE_ROLE, REMOVE, SET_PERMISSIONS, CANCEL_INVITE, RESEND_INVITE,
        CREATE_INVITE, UPDATE_ORGANIZATION }

    /** Who acts (tenant, user index), what, and on which target (tenant, index). */
    record Operation(int actorTenant, int actor, Kind kind, int targetTenant, int target, Role role) {
    }

    @BeforeContainer
    static void twoTenants() {
        database = CrmTestDatabases.create();
        fx = new TenancyFixture(database.dataSource());
        for (String name : List.of("Alpha", "Beta")) {
            UserId owner = fx.user(name + "-owner");
            Organization org = fx.organization(owner, name);
            List<UserId> users = new ArrayList<>(List.of(owner));
            users.add(fx.member(org, owner, Role.ADMIN, name + "-admin"));
            users.add(fx.member(org, owner, Role.MEMBER, name + "-member"));
            users.add(fx.member(org, owner, Role.VIEWER, name + "-viewer"));
            List<InviteId> invites = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                invites.add(fx.scope(org.id(), owner).invites()
                        .create(NewInvite.of(name + "-invitee-" + i + "@example.com", Role.VIEWER)).invite().id());
            }
            TENANTS.add(new Tenant(org, users, invites));
        }
    }

    @AfterContainer
    static void close() {
        database.close();
    }

    @Property(tries = 40)
    void noOperationEverTouchesTheOtherOrganization(@ForAll("operations") List<Operation> operations) throws SQLException {
        for (Operation op : operations) {
            Tenant own = TENANTS.get(op.actorTenant());
            Tenant other = TENANTS.get(1 - op.actorTenant());
            String before = fingerprint(other.organization().id());

            Object result = perform(own, op);

            assertThat(fingerprint(other.organization().id())).as("%s changed the other organization", op).isEqualTo(before);
            assertOnlyOwnRows(result, own, other);
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3),
                        Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 3), Arbitraries.of(Role.MEMBER, Role.VIEWER, Role.ADMIN))
                .as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(12);
    }

    private static Object perform(Tenant own, Operation op) {
        Tenant target = TENANTS.get(op.targetTenant());
        UserId targetUser = target.users().get(op.target());
        InviteId targetInvite = target.invites().get(op.target() % target.invites().size());
        try {
            TenantScope scope = fx.scope(own.organization().id(), own.users().get(op.actor()));
            return switch (op.kind()) {
                case LIST_MEMBERS -> scope.members().list(PageRequest.first(50)).items();
                case LIST_INVITES -> scope.invites().list(Optional.empty(), PageRequest.first(50)).items();
                case GET_MEMBER -> scope.members().get(targetUser);
                case CHANGE_ROLE -> scope.members().changeRole(targetUser, op.role());
                case REMOVE -> scope.members().remove(targetUser);
                case SET_PERMISSIONS -> scope.members().setPermissions(targetUser, Map.of("invite.create", false));
                case CANCEL_INVITE -> scope.invites().cancel(targetInvite);
                case RESEND_INVITE -> scope.invites().resend(targetInvite);
                case CREATE_INVITE -> scope.invites().create(NewInvite.of(fx.emailOf(targetUser), op.role()));
                case UPDATE_ORGANIZATION -> fx.crm.organizations().update(scope,
                        OrganizationPatch.empty().description("changed by " + op));
            };
        } catch (CrmException refused) {
            return refused;
        }
    }

    private static void assertOnlyOwnRows(Object result, Tenant own, Tenant other) {
        if (result instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof MemberSummary m) {
                    assertThat(m.member().organizationId()).isEqualTo(own.organization().id());
                    assertThat(other.users()).doesNotContain(m.member().userId());
                } else if (row instanceof Invite i) {
                    assertThat(i.organizationId()).isEqualTo(own.organization().id());
                    assertThat(other.invites()).doesNotContain(i.id());
                }
            }
        }
    }

    /** A digest of every row the organization owns in the tables tenancy writes, read as the owner. */
    private static String fingerprint(OrganizationId organization) throws SQLException {
        String sql = """
                SELECT md5(coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM crm.organizations t WHERE t.id = ?), '')
                        || coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM crm.organization_members t WHERE t.organization_id = ?), '')
                        || coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM crm.organization_invites t WHERE t.organization_id = ?), ''))""";
        try (Connection c = database.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                s.setObject(i, organization.value());
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
