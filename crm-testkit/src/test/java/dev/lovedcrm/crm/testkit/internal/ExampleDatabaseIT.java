package dev.lovedcrm.crm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The launcher's two routes, with an injected environment. */
class ExampleDatabaseIT {

    @Test
    void aGivenUrlIsUsedAsItIsAndMigratedAsTheGivenUser() throws SQLException {
        try (CrmTestDatabase empty = CrmTestDatabases.createEmpty()) {
            String url = empty.jdbcUrl() + "?ApplicationName=example";
            ExampleDatabase example = ExampleDatabase.start(Map.of("CRM_DATABASE_URL", url,
                    "CRM_DATABASE_USER", CrmTestDatabases.OWNER_ROLE, "CRM_DATABASE_PASSWORD", ServerAdmin.OWNER_PASSWORD),
                    () -> {
                        throw new AssertionError("no embedded server when a URL is given");
                    });

            assertThat(example.description()).contains("CRM_DATABASE_URL").doesNotContain("ApplicationName")
                    .doesNotContain(ServerAdmin.OWNER_PASSWORD);
            assertThat(query(example.dataSource(), "SELECT current_user")).isEqualTo(CrmTestDatabases.OWNER_ROLE);
            assertThat(query(example.dataSource(), "SELECT current_database()")).isEqualTo(empty.databaseName());
            assertThat(query(example.ownerDataSource(), "SELECT to_regclass('crm.flyway_schema_history')::text")).isNotNull();
            example.close();
            assertThat(query(example.dataSource(), "SELECT 1")).as("a given server is not stopped").isEqualTo("1");
        }
    }

    @Test
    void anEmbeddedServerThatCannotStartIsExplained() {
        assertThatThrownBy(() -> ExampleDatabase.start(Map.of(), () -> {
            throw new IllegalStateException("no binaries");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("no binaries")
                .hasMessageContaining("CRM_DATABASE_URL");
    }

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
