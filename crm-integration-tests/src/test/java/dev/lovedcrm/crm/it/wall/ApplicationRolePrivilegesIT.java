package dev.lovedcrm.crm.it.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 1 (c): the application role has no right the SDK never uses. Before V7 it could rewrite the plans
 * and the version tables, and delete a user: the delete cascaded into the memberships of every tenant
 * the user belonged to, past row-level security (referential actions are not subject to policies).
 */
@CrmDatabaseTest
class ApplicationRolePrivilegesIT {

    private static CrmTestDatabase db;
    private static Organization orgB;
    private static UserId memberOfB;

    @BeforeAll
    static void aTenant(CrmTestDatabase database) {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        UserId ownerB = fx.user("owner-b");
        orgB = fx.organization(ownerB, "Tenant B");
        memberOfB = fx.member(orgB, ownerB, Role.MEMBER, "b-member");
    }

    @Test
    void theApplicationRoleCannotWritePlansOrVersions() throws SQLException {
        List<String> refused = List.of(
                "INSERT INTO crm.plans (id, name, slug) VALUES (gen_random_uuid(), 'Free forever', 'free-forever')",
                "UPDATE crm.plans SET price_cents = 0",
                "DELETE FROM crm.plans",
                "INSERT INTO crm.schema_versions (version, description) VALUES (999, 'forged')",
                "UPDATE crm.schema_versions SET description = 'forged'",
                "DELETE FROM crm.schema_versions",
                "INSERT INTO crm.seed_versions (version, environment, description) VALUES (999, 'all', 'forged')",
                "UPDATE crm.seed_versions SET description = 'forged'",
                "DELETE FROM crm.seed_versions");
        List<String> before = Sql.snapshot(db.ownerDataSource(), "plans", "schema_versions", "seed_versions");
        for (String sql : refused) {
            assertRefused(sql);
        }
        assertThat(Sql.snapshot(db.ownerDataSource(), "plans", "schema_versions", "seed_versions")).isEqualTo(before);
        assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.plans")).as("plans stay readable").isEqualTo(2);
    }

    @Test
    void theApplicationRoleCannotDeleteAUserAndSoCannotCascadeIntoAnotherTenant() throws SQLException {
        long memberships = Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.organization_members WHERE organization_id = ?", orgB.id().value());
        assertRefused("DELETE FROM crm.users WHERE id = '" + memberOfB.value() + "'");
        assertRefused("DELETE FROM crm.users");
        assertThat(Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.organization_members WHERE organization_id = ?", orgB.id().value()))
                .isEqualTo(memberships).isEqualTo(2);
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.users WHERE id = ?", memberOfB.value()))
                .isEqualTo(1);
    }

    @Test
    void theRightsAreThoseTheSdkUses() throws SQLException {
        assertThat(Sql.strings(db.ownerDataSource(), """
                SELECT t.relname || ':' || string_agg(p.privilege, ',' ORDER BY p.privilege)
                  FROM pg_class t, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS p (privilege)
                 WHERE t.relnamespace = 'crm'::regnamespace
                   AND t.relname IN ('plans', 'schema_versions', 'seed_versions', 'users', 'context_keys')
                   AND has_table_privilege('crm_app', t.oid, p.privilege)
                 GROUP BY t.relname ORDER BY t.relname"""))
                .containsExactly("plans:SELECT", "schema_versions:SELECT", "seed_versions:SELECT", "users:INSERT,SELECT,UPDATE");
    }

    private static void assertRefused(String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
}
