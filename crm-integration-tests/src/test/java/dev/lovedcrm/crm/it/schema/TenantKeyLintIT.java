package dev.lovedcrm.crm.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lint over the catalog, so no later migration can break the tenant keys: every tenant-owned
 * table (a {@code NOT NULL organization_id}) has {@code organization_id} in its primary key, in every
 * unique constraint and unique index, and in every foreign key to another tenant-owned table.
 */
@CrmDatabaseTest
class TenantKeyLintIT {

    /** Unique indexes without organization_id, each with the reason it may be global. */
    private static final Map<String, String> GLOBAL_UNIQUES = Map.of(
            "idx_organization_invites_token", "the invitee presents only the token (a hash, globally unique)",
            "idx_api_keys_prefix", "a presented API key is found by its prefix before any tenant is known");

    private static final String TENANT_TABLES = """
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id'
             WHERE n.nspname = 'crm' AND c.relkind = 'r' AND a.attnotnull""";

    @Test
    void primaryKeysAndUniqueConstraintsIncludeTheTenant(CrmTestDatabase db) throws SQLException {
        List<String> offenders = query(db, """
                SELECT k.conname || ' on ' || c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                 WHERE k.contype IN ('p', 'u') AND c.oid IN (%s)
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                      AND a.attname = 'organization_id' AND a.attnum = ANY (k.conkey))""".formatted(TENANT_TABLES));
        assertThat(offenders).isEmpty();
    }

    @Test
    void uniqueIndexesIncludeTheTenantUnlessDeliberatelyGlobal(CrmTestDatabase db) throws SQLException {
        List<String> offenders = query(db, """
                SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                 WHERE x.indisunique AND c.oid IN (%s)
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                      AND a.attname = 'organization_id' AND a.attnum = ANY (x.indkey::int2[]))""".formatted(TENANT_TABLES));
        assertThat(offenders).containsExactlyInAnyOrderElementsOf(GLOBAL_UNIQUES.keySet());
    }

    @Test
    void foreignKeysBetweenTenantTablesIncludeTheTenant(CrmTestDatabase db) throws SQLException {
        List<String> offenders = query(db, """
                SELECT k.conname FROM pg_constraint k
                 WHERE k.contype = 'f' AND k.conrelid IN (%1$s) AND k.confrelid IN (%1$s)
                   AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid
                                      AND a.attname = 'organization_id' AND a.attnum = ANY (k.conkey))""".formatted(TENANT_TABLES));
        assertThat(offenders).isEmpty();
        assertThat(query(db, "SELECT 1 FROM pg_constraint WHERE conname = 'fk_communications_lead'")).hasSize(1);
    }

    @Test
    void theLintSeesTheTenantTables(CrmTestDatabase db) throws SQLException {
        assertThat(query(db, "SELECT c.relname FROM pg_class c WHERE c.oid IN (" + TENANT_TABLES + ")"))
                .contains("leads", "communications", "organization_members", "organization_invites", "user_two_factor",
                        "user_preferences", "api_keys", "webhooks", "lead_activities", "calendar_events", "ai_summaries",
                        "message_templates", "organization_subscriptions")
                .doesNotContain("users", "user_sessions", "background_jobs", "plans");
    }

    private static List<String> query(CrmTestDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
