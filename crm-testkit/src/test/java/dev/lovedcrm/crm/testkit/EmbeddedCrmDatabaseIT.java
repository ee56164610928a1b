package dev.lovedcrm.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class EmbeddedCrmDatabaseIT {

    @Test
    void startsAnEmbeddedServerWithAMigratedDatabaseAndStopsItOnClose() throws SQLException {
        DataSource dataSource;
        try (EmbeddedCrmDatabase db = EmbeddedCrmDatabase.start()) {
            dataSource = db.dataSource();
            assertThat(db.description()).doesNotContainIgnoringCase("password").doesNotContain("crm_app_test");
            if (System.getenv("CRM_DATABASE_URL") != null) {
                return;
            }
            assertThat(db.description()).contains("embedded PostgreSQL 16").contains("database crm");
            assertThat(query(dataSource, "SELECT current_user || ' ' || current_database() || ' ' || rolsuper || ' '"
                    + " || rolbypassrls FROM pg_roles WHERE rolname = current_user")).isEqualTo("crm_app crm false false");
            assertThat(query(dataSource, "SELECT count(*) FILTER (WHERE success) > 0 FROM crm.flyway_schema_history"))
                    .isEqualTo("t");
            assertThat(query(db.ownerDataSource(), "SELECT current_user")).isEqualTo(CrmTestDatabases.OWNER_ROLE);
        }
        assertThatThrownBy(() -> query(dataSource, "SELECT 1")).as("server stopped").isInstanceOf(SQLException.class);
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
