package dev.lovedcrm.crm.it.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The isolation property's fingerprint is read from the catalog, so it cannot miss a tenant table;
 * these tests make sure the catalog query itself sees what it must and that the fingerprint reacts
 * to a change in any tenant table.
 */
@CrmDatabaseTest
class TenantFingerprintCoverageIT {

    @Test
    void theCatalogListsTheKnownTenantTablesAndNoGlobalOne(CrmTestDatabase db) throws SQLException {
        TenantTables tables = TenantTables.read(db.ownerDataSource());

        assertThat(tables.names()).isNotEmpty()
                .contains("organization_members", "organization_invites", "user_two_factor", "user_preferences",
                        "domain_events", "leads", "communications", "lead_activities", "calendar_events", "ai_summaries",
                        "message_templates", "organization_subscriptions", "api_keys", "webhooks")
                .doesNotContain("organizations", "users", "user_sessions", "background_jobs", "plans", "auth_throttle",
                        "schema_versions", "seed_versions", "flyway_schema_history");
    }

    @Test
    void everyTenantTableOfTheCatalogIsFingerprintedInKeyOrder(CrmTestDatabase db) throws SQLException {
        TenantTables tables = TenantTables.read(db.ownerDataSource());
        long tenantTables = Sql.number(db.ownerDataSource(), """
                SELECT count(*) FROM information_schema.columns col
                  JOIN information_schema.tables t ON t.table_schema = col.table_schema AND t.table_name = col.table_name
                 WHERE col.table_schema = 'crm' AND col.column_name = 'organization_id' AND col.is_nullable = 'NO'
                   AND t.table_type = 'BASE TABLE'""");

        Map<String, String> fingerprint = tables.fingerprint(OrganizationId.generate());

        assertThat(tables.names()).hasSize((int) tenantTables);
        assertThat(fingerprint.keySet()).first().isEqualTo("organizations");
        assertThat(fingerprint.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("organizations"), tables.names().stream()).toList());
        // Tenant tables are keyed (organization_id, id): rows are ordered by that key, not by their text.
        assertThat(tables.names()).allSatisfy(table -> assertThat(tables.orderOf(table)).as(table).startsWith("t.organization_id"));
    }

    @Test
    void theFingerprintChangesWhenAnyTenantTableChanges(CrmTestDatabase db) throws SQLException {
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        UserId owner = fx.user("fp-owner");
        Organization org = fx.organization(owner, "Fingerprinted");
        fx.member(org, owner, Role.MEMBER, "fp-member");
        TenantTables tables = TenantTables.read(db.ownerDataSource());
        Map<String, String> before = tables.fingerprint(org.id());

        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO crm.leads (organization_id, id, name) VALUES ('" + org.id().value() + "', gen_random_uuid(), 'Lead')");
        }
        Map<String, String> afterLead = tables.fingerprint(org.id());
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE crm.organization_members SET permissions = '{\"x\": false}' WHERE organization_id = '"
                    + org.id().value() + "' AND role = 'member'");
        }
        Map<String, String> afterMember = tables.fingerprint(org.id());

        assertThat(afterLead.get("leads")).isNotEqualTo(before.get("leads"));
        assertThat(afterMember.get("organization_members")).isNotEqualTo(afterLead.get("organization_members"));
        assertThat(afterMember.get("leads")).isEqualTo(afterLead.get("leads"));
    }
}
