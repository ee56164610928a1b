package dev.lovedcrm.crm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code CRM_TEST_DATABASE_URL} route end to end, with the JVM's test server standing in for a
 * server the developer runs: roles that already exist, a second template, and clean-up at exit.
 */
class ExternalRouteIT {

    @Test
    void aGivenServerGetsItsOwnTemplateAndIsLeftCleanAtShutdown() throws SQLException {
        PostgresServer shared = DatabaseFactory.get().server();
        PostgresServer given = new ServerResolver(Map.of("CRM_TEST_DATABASE_URL", shared.jdbcUrl(shared.adminDatabase()),
                "CRM_TEST_DATABASE_USER", shared.superuser()), Map.of(), null, null).resolve();
        assertThat(given.disposable()).isFalse();

        DatabaseFactory factory = DatabaseFactory.start(given);
        assertThat(factory.templateName()).isNotEqualTo(DatabaseFactory.get().templateName());
        CrmTestDatabase kept = factory.newDatabase();
        CrmTestDatabase closed = factory.newDatabase();
        assertThat(kept.databaseName()).isNotEqualTo(closed.databaseName());
        assertThat(query(kept.dataSource(), "SELECT current_user || ' ' || rolsuper || ' ' || rolbypassrls"
                + " FROM pg_roles WHERE rolname = current_user")).isEqualTo("crm_app false false");
        assertThat(query(kept.dataSource(), "SELECT to_regclass('crm.flyway_schema_history')::text")).isNotNull();
        closed.close();
        assertThat(exists(kept.databaseName())).isTrue();
        assertThat(exists(closed.databaseName())).isFalse();

        factory.shutdown();

        assertThat(exists(kept.databaseName())).as("test database dropped at shutdown").isFalse();
        assertThat(exists(factory.templateName())).as("template dropped at shutdown").isFalse();
        assertThat(exists(DatabaseFactory.get().templateName())).as("the server itself still runs").isTrue();
    }

    @Test
    void buildsSharingAServerAtOnceDoNotCollide() throws Exception {
        PostgresServer shared = DatabaseFactory.get().server();
        Map<String, String> env = Map.of("CRM_TEST_DATABASE_URL", shared.jdbcUrl(shared.adminDatabase()),
                "CRM_TEST_DATABASE_USER", shared.superuser());
        ExecutorService builds = Executors.newFixedThreadPool(3);
        try {
            List<Future<DatabaseFactory>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                started.add(builds.submit(() -> DatabaseFactory.start(new ServerResolver(env, Map.of(), null, null).resolve())));
            }
            Set<String> names = new HashSet<>();
            for (Future<DatabaseFactory> factory : started) {
                names.add(factory.get().templateName());
                names.add(factory.get().newDatabase().databaseName());
            }
            assertThat(names).hasSize(6);
            for (Future<DatabaseFactory> factory : started) {
                factory.get().shutdown();
            }
            for (String name : names) {
                assertThat(exists(name)).as(name).isFalse();
            }
        } finally {
            builds.shutdownNow();
        }
    }

    @Test
    void anAdministratorWhoIsNotSuperuserIsEnoughOnAFreshServer(@TempDir Path dataParent) throws SQLException {
        // Also a data directory in a place of our choosing (crm.test.embedded.dir).
        PostgresServer fresh = ServerResolver.startEmbedded(dataParent.toString());
        assertThat(dataParent).isNotEmptyDirectory();
        try {
            ServerAdmin superuser = new ServerAdmin(fresh);
            try (Connection c = superuser.superuserDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE ci_admin LOGIN CREATEDB CREATEROLE PASSWORD 'ci'");
            }
            PostgresServer given = new ServerResolver(Map.of("CRM_TEST_DATABASE_URL", fresh.jdbcUrl("postgres"),
                    "CRM_TEST_DATABASE_USER", "ci_admin", "CRM_TEST_DATABASE_PASSWORD", "ci"), Map.of(), null, null).resolve();

            DatabaseFactory factory = DatabaseFactory.start(given);
            CrmTestDatabase db = factory.newDatabase();
            assertThat(query(db.superuserDataSource(), "SELECT current_user || ' ' || rolsuper FROM pg_roles"
                    + " WHERE rolname = current_user")).isEqualTo("ci_admin false");
            assertThat(query(db.dataSource(), "SELECT current_user || ' ' || rolsuper || ' ' || rolbypassrls"
                    + " FROM pg_roles WHERE rolname = current_user")).isEqualTo("crm_app false false");
            assertThat(query(db.ownerDataSource(), "SELECT count(*) FROM crm.flyway_schema_history WHERE success"))
                    .isNotEqualTo("0");
            factory.shutdown();
            assertThat(query(superuser.superuserDataSource("postgres"),
                    "SELECT count(*) FROM pg_database WHERE datname LIKE 'crm\\_%'")).isEqualTo("0");
        } finally {
            fresh.close();
        }
        assertThat(dataParent).as("data directory deleted when the server stops").isEmptyDirectory();
    }

    private static boolean exists(String database) throws SQLException {
        try (CrmTestDatabase probe = CrmTestDatabases.createEmpty()) {
            return !"0".equals(query(probe.superuserDataSource(),
                    "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'"));
        }
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
