package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.error.ValidationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the SDK's tables in the PostgreSQL schema {@value #SCHEMA}.
 *
 * <pre>{@code
 * CrmDatabase.migrate(ownerDataSource);                // as the role that owns the schema
 * CrmDatabase.migrate(ownerDataSource, "crm_app");    // ... and grant the runtime role its rights
 * }</pre>
 *
 * <p>Migrations are plain SQL under {@value #MIGRATIONS_LOCATION}; a host that runs its own Flyway
 * can point it there with schema {@value #SCHEMA} instead. Calling {@code migrate} is idempotent and
 * safe from several application instances at once: they serialise on a PostgreSQL advisory lock.
 */
public final class CrmDatabase {

    /** The PostgreSQL schema holding every SDK table. */
    public static final String SCHEMA = "crm";

    /** Where the migrations live on the classpath. */
    public static final String MIGRATIONS_LOCATION = "classpath:db/migration/crm";

    /** Flyway's history table, inside {@value #SCHEMA}. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(CrmDatabase.class);
    private static final long MIGRATION_LOCK_KEY = 0x4C6F766564L; // "Loved"
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private CrmDatabase() {
    }

    /**
     * The outcome of {@link #migrate}.
     *
     * @param migrationsApplied how many migrations this call applied (0 when already current)
     * @param schemaVersion the schema version after the call
     */
    public record MigrationReport(int migrationsApplied, String schemaVersion) {
    }

    /**
     * Applies every pending migration.
     *
     * @param dataSource connections as the role that owns (or may create) the {@value #SCHEMA} schema
     * @return what was applied
     * @throws CrmException with code {@code database.migration_failed} when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Applies every pending migration, then grants the runtime role the rights it needs: use of the
     * schema and {@code SELECT, INSERT, UPDATE, DELETE} on its tables (now and in future migrations),
     * but not ownership, so row-level security applies to it.
     *
     * @param dataSource connections as the role that owns (or may create) the {@value #SCHEMA} schema
     * @param applicationRole the role the SDK connects as at run time, or {@code null} for none
     * @return what was applied
     * @throws ValidationException naming {@code applicationRole} when it is not a plain lower-case role name
     * @throws CrmException with code {@code database.migration_failed} when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource, String applicationRole) {
        if (applicationRole != null && !ROLE_NAME.matcher(applicationRole).matches()) {
            throw ValidationException.of("applicationRole", "must be a lower-case PostgreSQL role name");
        }
        try {
            withMigrationLock(dataSource, connection -> execute(connection, "CREATE SCHEMA IF NOT EXISTS " + SCHEMA));
            MigrateResult result = flyway(dataSource).migrate();
            if (applicationRole != null) {
                withMigrationLock(dataSource, connection -> grant(connection, applicationRole));
            }
            return new MigrationReport(result.migrationsExecuted, result.targetSchemaVersion);
        } catch (SQLException | FlywayException e) {
            throw new CrmException("database.migration_failed", "could not migrate the crm schema: " + e.getMessage(), e);
        }
    }

    /**
     * Runs DDL that Flyway's own lock does not cover (creating the schema, granting rights) under a
     * session advisory lock, so instances starting together do not trip over each other. The lock is
     * released before Flyway runs, so a pool of one connection cannot deadlock.
     */
    private static void withMigrationLock(DataSource dataSource, SqlWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
            try {
                work.run(connection);
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** What {@link #verifyRuntimeRole} does when the runtime role would bypass row-level security. */
    public enum RuntimeRoleCheck {
        /** Log a warning and carry on. */
        WARN,
        /** Throw a {@link CrmException} with code {@code database.unsafe_role}. */
        REFUSE
    }

    /**
     * Checks that connections from {@code dataSource} are subject to row-level security: the role
     * must not be a superuser, must not have {@code BYPASSRLS}, and must not own (or inherit the
     * privileges of the owner of) the SDK's tables. Call it once at start-up with the data source the
     * SDK runs on.
     *
     * @param dataSource the runtime data source
     * @param mode warn or refuse when the role is unsafe
     * @return the problems found, empty when the role is safe
     * @throws CrmException with code {@code database.unsafe_role} when {@code mode} is {@link RuntimeRoleCheck#REFUSE}
     *     and a problem was found, or {@code database.error} when the check cannot run
     */
    public static List<String> verifyRuntimeRole(DataSource dataSource, RuntimeRoleCheck mode) {
        List<String> problems = new ArrayList<>();
        String sql = """
                SELECT current_user, r.rolsuper, r.rolbypassrls,
                       EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'crm'
                                  AND pg_has_role(current_user, t.tableowner, 'USAGE')) AS owns_tables
                  FROM pg_roles r WHERE r.rolname = current_user""";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            String role = row.getString(1);
            if (row.getBoolean(2)) {
                problems.add("role " + role + " is a superuser");
            }
            if (row.getBoolean(3)) {
                problems.add("role " + role + " has BYPASSRLS");
            }
            if (row.getBoolean(4)) {
                problems.add("role " + role + " owns (or inherits the owner of) the crm tables");
            }
        } catch (SQLException e) {
            throw new CrmException("database.error", "could not check the runtime role", e);
        }
        if (!problems.isEmpty()) {
            String message = "row-level security does not apply to the SDK's connections (" + String.join("; ", problems)
                    + "): connect as an ordinary role, see docs/tenancy.md";
            if (mode == RuntimeRoleCheck.REFUSE) {
                throw new CrmException("database.unsafe_role", message);
            }
            LOG.warn(message);
        }
        return List.copyOf(problems);
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(CrmDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS_LOCATION)
                .createSchemas(true)
                .placeholderReplacement(false)
                .load();
    }

    private static void grant(Connection connection, String role) throws SQLException {
        String quoted = '"' + role + '"';
        execute(connection, "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + quoted);
        execute(connection, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + quoted);
        execute(connection, "REVOKE INSERT, UPDATE, DELETE ON " + SCHEMA + "." + HISTORY_TABLE + " FROM " + quoted);
        execute(connection, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " TO " + quoted);
        execute(connection, "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + SCHEMA + " TO " + quoted);
        execute(connection, "REVOKE EXECUTE ON FUNCTION " + SCHEMA + ".enable_tenant_isolation(regclass) FROM " + quoted);
        execute(connection, "ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMA
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + quoted);
        execute(connection, "ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMA + " GRANT EXECUTE ON FUNCTIONS TO " + quoted);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
