package dev.lovedcrm.crm.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.organization.PublicOrganization;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.Theme;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scopes opened before a removal, a demotion, an organization's deactivation or an account's deactivation,
 * replayed from the hardening review: every operation, reads, preferences and the second factor included,
 * re-checks the acting member in its own transaction and is refused.
 */
@CrmDatabaseTest
class StaleScopeIT {

    private static TenancyFixture fx;
    private static CrmTestDatabase db;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(database.dataSource());
    }

    @Test
    void aRemovedMembersScopeNeitherReadsNorWrites() throws SQLException {
        UserId owner = fx.user("stale-owner");
        Organization org = fx.organization(owner, "Stale Co");
        UserId admin = fx.member(org, owner, Role.ADMIN, "stale-admin");
        TenantScope stale = fx.scope(org.id(), admin);
        fx.scope(org.id(), owner).invites().create(NewInvite.of("pending@example.com", Role.MEMBER)
                .message("A message with private details"));

        fx.scope(org.id(), owner).members().remove(admin);

        Expect.code("tenant.access_denied", () -> stale.members().list(PageRequest.first(10)));
        Expect.code("tenant.access_denied", () -> stale.members().get(owner));
        Expect.code("tenant.access_denied", () -> stale.invites().list(Optional.empty(), PageRequest.first(10)));
        Expect.code("tenant.access_denied", () -> stale.invites().countByStatus());
        Expect.code("tenant.access_denied", () -> stale.organization().get());
        Expect.code("tenant.access_denied", () -> stale.preferences().get());
        Expect.code("tenant.access_denied", () -> stale.preferences().update(new PreferencesPatch().theme(Theme.DARK)));
        Expect.code("tenant.access_denied", () -> stale.twoFactor().enroll());
        Expect.code("tenant.access_denied", () -> stale.twoFactor().status());
        assertThat(Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.user_preferences WHERE user_id = ?", admin.value())).isZero();
        assertThat(Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.user_two_factor WHERE user_id = ?", admin.value())).isZero();
    }

    @Test
    void aDemotedAdminsScopeLosesWhatTheRoleGave() {
        UserId owner = fx.user("demote-owner");
        Organization org = fx.organization(owner, "Demote Co");
        UserId admin = fx.member(org, owner, Role.ADMIN, "demote-admin");
        TenantScope stale = fx.scope(org.id(), admin);

        fx.scope(org.id(), owner).members().changeRole(admin, Role.MEMBER);

        Expect.code("permission.denied", () -> stale.invites().list(Optional.empty(), PageRequest.first(10)));
        Expect.code("permission.denied", () -> stale.invites().countByStatus());
        Expect.code("permission.denied", () -> stale.organization().update(OrganizationPatch.empty().name("Mine now")));
        assertThat(stale.members().list(PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void aDeactivatedOrganizationRefusesScopesOpenedBefore() {
        UserId owner = fx.user("deact-owner");
        Organization org = fx.organization(owner, "Deactivated Co");
        UserId admin = fx.member(org, owner, Role.ADMIN, "deact-admin");
        UserId member = fx.member(org, owner, Role.MEMBER, "deact-member");
        TenantScope adminScope = fx.scope(org.id(), admin);

        fx.scope(org.id(), owner).organization().deactivate();

        Expect.code("tenant.access_denied", () -> adminScope.organization().update(OrganizationPatch.empty().name("Revived")));
        Expect.code("tenant.access_denied", () -> adminScope.invites().create(NewInvite.of("late@example.com", Role.MEMBER)));
        Expect.code("tenant.access_denied", () -> adminScope.members().changeRole(member, Role.VIEWER));
        Expect.code("tenant.access_denied", () -> adminScope.members().remove(member));
        Expect.code("tenant.access_denied", () -> adminScope.members().list(PageRequest.first(10)));
        assertThat(fx.crm.organizations().findById(org.id())).map(PublicOrganization::name).contains("Deactivated Co");
    }

    @Test
    void aDeactivatedAccountOpensNoScopeAndItsOpenScopesStop() {
        UserId owner = fx.user("acct-owner");
        Organization org = fx.organization(owner, "Account Co");
        UserId member = fx.member(org, owner, Role.MEMBER, "acct-member");
        TenantScope open = fx.scope(org.id(), member);

        fx.crm.userAdministration().deactivate(member);

        Expect.code("tenant.access_denied", () -> fx.crm.tenant(org.id(), member));
        Expect.code("tenant.access_denied", () -> open.members().list(PageRequest.first(10)));
        Expect.code("tenant.access_denied", () -> open.preferences().get());
    }
}
