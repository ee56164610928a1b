package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the testkit does on a server as its administrative user: the two roles, databases, data
 * sources. Shared by the test databases ({@link DatabaseFactory}) and the example launcher
 * ({@link ExampleDatabase}).
 */
public final class ServerAdmin {

    /** The owner role's password: a fixed test-only secret, so JVMs sharing a server agree on it. */
    static final String OWNER_PASSWORD = "crm_owner_test";
    /** The application role's password, likewise. */
    static final String APP_PASSWORD = "crm_app_test";

    private static final String OWNER = CrmTestDatabases.OWNER_ROLE;
    private static final String APP = CrmTestDatabases.APPLICATION_ROLE;
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(ServerAdmin.class);
    private static final long ROLES_LOCK = 0x63726D5F726F6CL; // "crm_rol"

    private final PostgresServer server;

    ServerAdmin(PostgresServer server) {
        this.server = server;
    }

    PostgresServer server() {
        return server;
    }

    /**
     * Creates {@code crm_owner} and {@code crm_app} unless they exist, and makes sure neither can
     * bypass row-level security. Safe to run from several JVMs at once.
     */
    void ensureRoles() {
        withAdminConnection(connection -> {
            // Builds sharing a server would otherwise fail with "tuple concurrently updated".
            execute(connection, "SELECT pg_advisory_lock(" + ROLES_LOCK + ")");
            try {
                boolean superuser = queryBoolean(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
                ensureRole(connection, OWNER, OWNER_PASSWORD, superuser);
                ensureRole(connection, APP, APP_PASSWORD, superuser);
                if (!superuser) {
                    // PostgreSQL 16: creating or dropping a database owned by crm_owner needs membership in it.
                    tryExecute(connection, "GRANT " + OWNER + " TO CURRENT_USER");
                }
                verifyRoles(connection);
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + ROLES_LOCK + ")");
            }
        });
        if (!server.disposable()) {
            verifyLogin(OWNER, ownerDataSource(server.adminDatabase()));
            verifyLogin(APP, applicationDataSource(server.adminDatabase()));
        }
    }

    /** Roles made by someone else may have another password, which only a superuser or their creator can reset. */
    private void verifyLogin(String role, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new IllegalStateException("crm-testkit cannot log in to " + server.describe() + " as " + role + ": "
                    + e.getMessage() + ". The role exists but the testkit could not set its password; let the user of "
                    + "CRM_TEST_DATABASE_URL reset it (a superuser, or the role's creator) or drop the role so the "
                    + "testkit recreates it.", e);
        }
    }

    private void ensureRole(Connection connection, String role, String password, boolean superuser) throws SQLException {
        String attributes = " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE";
        if (!queryBoolean(connection, "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "')")) {
            try {
                execute(connection, "CREATE ROLE " + role + attributes + " PASSWORD '" + password + "'");
                return;
            } catch (SQLException e) {
                // Another JVM created it between the check and CREATE ROLE.
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        // It existed: restore the attributes and password the testkit relies on where allowed.
        if (superuser) {
            execute(connection, "ALTER ROLE " + role + " WITH" + attributes + " PASSWORD '" + password + "'");
        } else {
            tryExecute(connection, "ALTER ROLE " + role + " WITH LOGIN PASSWORD '" + password + "'");
        }
    }

    private static void verifyRoles(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        String sql = "SELECT rolname, rolsuper, rolbypassrls, rolcanlogin, pg_has_role(rolname, '" + OWNER + "', 'USAGE')"
                + " FROM pg_roles WHERE rolname IN ('" + OWNER + "', '" + APP + "') ORDER BY rolname";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                String role = row.getString(1);
                if (row.getBoolean(2)) {
                    problems.add(role + " is a superuser");
                }
                if (row.getBoolean(3)) {
                    problems.add(role + " has BYPASSRLS");
                }
                if (!row.getBoolean(4)) {
                    problems.add(role + " cannot log in");
                }
                if (role.equals(APP) && row.getBoolean(5)) {
                    problems.add(APP + " is a member of " + OWNER);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("crm-testkit needs the roles " + OWNER + " and " + APP
                    + " to be ordinary roles, but on this server " + String.join(", ", problems)
                    + ". Fix them (ALTER ROLE ... NOSUPERUSER NOBYPASSRLS LOGIN; REVOKE " + OWNER + " FROM " + APP
                    + ") or drop them so the testkit recreates them.");
        }
    }

    /**
     * Creates a database owned by {@code crm_owner}: a copy of {@code template}, or an empty one
     * (from {@code template0}) when it is {@code null}.
     */
    void createDatabase(String name, String template) {
        admin("CREATE DATABASE " + checked(name) + " TEMPLATE " + (template == null ? "template0" : checked(template))
                + " OWNER " + OWNER);
    }

    /** Refuses new connections to a template so copying it never meets "being accessed by other users". */
    void closeToConnections(String name) {
        admin("ALTER DATABASE " + checked(name) + " WITH ALLOW_CONNECTIONS false");
    }

    /** Drops a database, ending the connections still open to it. */
    void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
    }

    DataSource ownerDataSource(String database) {
        return dataSource(database, OWNER, OWNER_PASSWORD);
    }

    DataSource applicationDataSource(String database) {
        return dataSource(database, APP, APP_PASSWORD);
    }

    DataSource superuserDataSource(String database) {
        return dataSource(database, server.superuser(), server.superuserPassword());
    }

    private DataSource dataSource(String database, String user, String password) {
        return simpleDataSource(server.jdbcUrl(database), user, password);
    }

    /** An unpooled data source; {@code user} and {@code password} override what the URL says unless {@code null}. */
    static PGSimpleDataSource simpleDataSource(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("crm-testkit");
        return dataSource;
    }

    private void admin(String sql) {
        withAdminConnection(connection -> execute(connection, sql));
    }

    private void withAdminConnection(SqlWork work) {
        try (Connection connection = superuserDataSource(server.adminDatabase()).getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
            throw new IllegalStateException("crm-testkit could not prepare " + server.describe() + ": " + reason
                    + (server.disposable() ? "" : ". Check CRM_TEST_DATABASE_URL (or unset it to use an embedded"
                            + " PostgreSQL 16); its user (CRM_TEST_DATABASE_USER, default postgres, password in"
                            + " CRM_TEST_DATABASE_PASSWORD) must be allowed to CREATE DATABASE and CREATE ROLE, or be"
                            + " a member of " + OWNER + " when that role already exists"), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // Never repeat a statement with a password in it.
            throw new SQLException(e.getMessage() + " [" + sql.split(" PASSWORD ")[0] + "]", e.getSQLState(), e);
        }
    }

    private static void tryExecute(Connection connection, String sql) {
        try {
            execute(connection, sql);
        } catch (SQLException e) {
            LOG.debug("crm-testkit: ignored: {}", e.getMessage());
        }
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }
}
