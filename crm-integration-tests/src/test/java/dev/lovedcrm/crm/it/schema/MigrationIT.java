package dev.lovedcrm.crm.it.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class MigrationIT {

    @Test
    void migratingAgainIsANoOp(CrmTestDatabase db) throws SQLException {
        long plans = count(db.ownerDataSource(), "SELECT count(*) FROM crm.plans");
        long history = count(db.ownerDataSource(), "SELECT count(*) FROM crm.flyway_schema_history");

        CrmDatabase.MigrationReport report = CrmDatabase.migrate(db.ownerDataSource(), "crm_app");

        assertThat(report.migrationsApplied()).isZero();
        assertThat(count(db.ownerDataSource(), "SELECT count(*) FROM crm.plans")).isEqualTo(plans);
        assertThat(count(db.ownerDataSource(), "SELECT count(*) FROM crm.flyway_schema_history")).isEqualTo(history);
    }

    @Test
    void theDefaultPlansAreSeeded(CrmTestDatabase db) throws SQLException {
        assertThat(rows(db.dataSource(), "SELECT slug || '|' || name || '|' || price_cents || '|' || currency || '|' || features::text"
                + " FROM crm.plans ORDER BY price_cents")).containsExactly(
                "basic|Básico|0|BRL|[\"user_management\", \"basic_dashboard\", \"up_to_100_leads\", \"email_support\"]",
                "professional|Profissional|2900|BRL|[\"unlimited_leads\", \"advanced_reports\", \"api_access\", \"integrations\"]");
        assertThat(rows(db.ownerDataSource(), "SELECT version || '|' || environment FROM crm.seed_versions")).containsExactly("1|all");
    }

    @Test
    void schemaVersionsHasARowPerMigration(CrmTestDatabase db) throws SQLException {
        assertThat(rows(db.ownerDataSource(), "SELECT v.version::text FROM crm.schema_versions v ORDER BY v.version"))
                .isEqualTo(rows(db.ownerDataSource(),
                        "SELECT version FROM crm.flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank"));
    }

    @Test
    void checkAndForeignKeyConstraintsRefuseBadRows(CrmTestDatabase db) throws SQLException {
        UUID user = UUID.randomUUID();
        UUID orgA = UUID.randomUUID();
        UUID orgB = UUID.randomUUID();
        UUID leadA = UUID.randomUUID();
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO crm.users (id, email, full_name) VALUES ('" + user + "', 'x@example.com', 'X')");
            for (UUID org : List.of(orgA, orgB)) {
                s.execute("INSERT INTO crm.organizations (id, name, slug, owner_id) VALUES ('" + org + "', 'O', 's" + org
                        + "', '" + user + "')");
            }
            s.execute("INSERT INTO crm.leads (organization_id, id, name) VALUES ('" + orgA + "', '" + leadA + "', 'Lead')");

            expectState(s, "INSERT INTO crm.leads (organization_id, id, name, stage) VALUES ('" + orgA + "', gen_random_uuid(), 'L', 'won')", "23514");
            expectState(s, "INSERT INTO crm.communications (organization_id, id, lead_id, channel, direction) VALUES ('"
                    + orgA + "', gen_random_uuid(), '" + leadA + "', 'telegram', 'inbound')", "23514");
            expectState(s, "INSERT INTO crm.ai_summaries (organization_id, id, summary, confidence_score) VALUES ('"
                    + orgA + "', gen_random_uuid(), 's', 1.5)", "23514");
            expectState(s, "INSERT INTO crm.communications (organization_id, id, lead_id, channel, direction) VALUES ('"
                    + orgB + "', gen_random_uuid(), '" + leadA + "', 'email', 'inbound')", "23503");
        }
    }

    @Test
    void severalInstancesMigratingAtOnceAgree() throws Exception {
        try (CrmTestDatabase empty = CrmTestDatabases.createEmpty()) {
            List<Object> reports = Race.run(
                    () -> CrmDatabase.migrate(empty.ownerDataSource(), "crm_app"),
                    () -> CrmDatabase.migrate(empty.ownerDataSource(), "crm_app"),
                    () -> CrmDatabase.migrate(empty.ownerDataSource(), "crm_app"),
                    () -> CrmDatabase.migrate(empty.ownerDataSource(), "crm_app"));

            int applied = reports.stream().mapToInt(r -> ((CrmDatabase.MigrationReport) r).migrationsApplied()).sum();
            assertThat(applied).isEqualTo(Sql.number(empty.ownerDataSource(),
                    "SELECT count(*) FROM crm.flyway_schema_history WHERE version IS NOT NULL"));
            assertThat(Sql.number(empty.dataSource(), "SELECT count(*) FROM crm.plans")).isEqualTo(2);
        }
    }

    private static void expectState(Statement s, String sql, String state) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(state));
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        return Long.parseLong(rows(ds, sql).get(0));
    }

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
