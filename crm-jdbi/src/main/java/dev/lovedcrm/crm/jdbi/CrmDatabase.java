package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.error.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * CrmDatabase.migrate(ownerDataSource);                     // as the role that owns the schema
 * CrmDatabase.migrate(ownerDataSource, "crm_app", key);    // ... grant the runtime role its rights, store the key
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
     * Applies every pending migration. Stores the context key only when the data source carries one
     * ({@code dataSource.unwrap(CrmContextKey.class)}, as the testkit's do); otherwise the stored keys stay.
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
     * less what the SDK never does (writing {@code plans} and the version tables, deleting users, reading
     * the context keys), and not ownership, so row-level security applies to it. Stores the context key
     * only when the data source carries one; otherwise the stored keys stay.
     *
     * @param dataSource connections as the role that owns (or may create) the {@value #SCHEMA} schema
     * @param applicationRole the role the SDK connects as at run time, or {@code null} for none
     * @return what was applied
     * @throws ValidationException naming {@code applicationRole} when it is not a plain lower-case role name
     * @throws CrmException with code {@code database.migration_failed} when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource, String applicationRole) {
        CrmContextKey carried = carriedKey(dataSource);
        return migrate(dataSource, applicationRole, carried, null, carried != null);
    }

    /**
     * Applies every pending migration, grants the runtime role its rights (see {@link #migrate(DataSource, String)})
     * and stores {@code contextKey} as the only valid context key, where only the schema owner can read it. Give
     * the same key to {@link JdbiCrmStore#create(DataSource, JdbiCrmStore.Options)}.
     *
     * @param dataSource connections as the role that owns (or may create) the {@value #SCHEMA} schema
     * @param applicationRole the role the SDK connects as at run time, or {@code null} for none
     * @param contextKey the key that seals the SDK's row-level security context
     * @return what was applied
     * @throws ValidationException naming {@code applicationRole} when it is not a plain lower-case role name
     * @throws CrmException with code {@code database.migration_failed} when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource, String applicationRole, CrmContextKey contextKey) {
        return migrate(dataSource, applicationRole, Objects.requireNonNull(contextKey, "contextKey"), null, true);
    }

    /**
     * As {@link #migrate(DataSource, String, CrmContextKey)}, with a second key still accepted during a rotation:
     * install {@code (newKey, oldKey)}, move every application instance to {@code newKey}, then install
     * {@code newKey} alone.
     *
     * @param dataSource connections as the role that owns (or may create) the {@value #SCHEMA} schema
     * @param applicationRole the role the SDK connects as at run time, or {@code null} for none
     * @param currentKey the key the SDK signs with
     * @param previousKey a key still accepted, or {@code null}
     * @return what was applied
     * @throws ValidationException naming {@code applicationRole} when it is not a plain lower-case role name
     * @throws CrmException with code {@code database.migration_failed} when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource, String applicationRole, CrmContextKey currentKey,
            CrmContextKey previousKey) {
        return migrate(dataSource, applicationRole, Objects.requireNonNull(currentKey, "currentKey"), previousKey, true);
    }

    private static MigrationReport migrate(DataSource dataSource, String applicationRole, CrmContextKey currentKey,
            CrmContextKey previousKey, boolean installKeys) {
        if (applicationRole != null && !ROLE_NAME.matcher(applicationRole).matches()) {
            throw ValidationException.of("applicationRole", "must be a lower-case PostgreSQL role name");
        }
        try {
            withMigrationLock(dataSource, connection -> execute(connection, "CREATE SCHEMA IF NOT EXISTS " + SCHEMA));
            MigrateResult result = flyway(dataSource).migrate();
            withMigrationLock(dataSource, connection -> {
                if (applicationRole != null) {
                    grant(connection, applicationRole);
                }
                if (installKeys) {
                    storeKeys(connection, currentKey, previousKey);
                }
            });
            return new MigrationReport(result.migrationsExecuted, result.targetSchemaVersion);
        } catch (SQLException | FlywayException e) {
            throw new CrmException("database.migration_failed", "could not migrate the crm schema: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the context keys without migrating, for hosts that run the migrations with their own Flyway.
     * Replaces what was stored.
     *
     * @param ownerDataSource connections as the schema owner
     * @param currentKey the key the SDK signs with
     * @param previousKey a key still accepted during a rotation, or {@code null}
     * @throws CrmException with code {@code database.error} when they cannot be stored
     */
    public static void installContextKeys(DataSource ownerDataSource, CrmContextKey currentKey, CrmContextKey previousKey) {
        Objects.requireNonNull(currentKey, "currentKey");
        try {
            withMigrationLock(ownerDataSource, connection -> storeKeys(connection, currentKey, previousKey));
        } catch (SQLException e) {
            throw new CrmException("database.error", "could not store the context keys", e);
        }
    }

    /** The key a data source carries ({@code unwrap(CrmContextKey.class)}), or {@code null}. */
    static CrmContextKey carriedKey(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(CrmContextKey.class)
                    ? dataSource.unwrap(CrmContextKey.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Bound parameters only: the pads never appear in a statement's text (pg_stat_activity, pg_stat_statements). */
    private static void storeKeys(Connection connection, CrmContextKey currentKey, CrmContextKey previousKey)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            execute(connection, "DELETE FROM " + SCHEMA + ".context_keys");
            insertKey(connection, "current", currentKey);
            if (previousKey != null && !previousKey.equals(currentKey)) {
                insertKey(connection, "previous", previousKey);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void insertKey(Connection connection, String slot, CrmContextKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + SCHEMA + ".context_keys (slot, inner_pad, outer_pad) VALUES (?, ?, ?)")) {
            insert.setString(1, slot);
            insert.setBytes(2, key.innerPad());
            insert.setBytes(3, key.outerPad());
            insert.executeUpdate();
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
     * must not be a superuser, must not have {@code BYPASSRLS}, must not own the {@value #SCHEMA} schema or
     * its tables, and must not be a member, directly or through other roles, with or without
     * {@code INHERIT}, of a role that is or does any of that: a member can {@code SET ROLE} to it (or
     * grant itself the right to) and leave every policy behind. Call it once at start-up with the data
     * source the SDK runs on; {@link JdbiCrmStore#create(DataSource, JdbiCrmStore.Options)} does.
     *
     * @param dataSource the runtime data source
     * @param mode warn or refuse when the role is unsafe
     * @return the problems found, empty when the role is safe
     * @throws CrmException with code {@code database.unsafe_role} when {@code mode} is {@link RuntimeRoleCheck#REFUSE}
     *     and a problem was found, or {@code database.error} when the check cannot run
     */
    public static List<String> verifyRuntimeRole(DataSource dataSource, RuntimeRoleCheck mode) {
        List<String> problems = new ArrayList<>();
        // The role itself (depth 0) and every role it is a member of, transitively, whatever the
        // membership's INHERIT and SET options: pg_auth_members is readable by every role.
        String sql = """
                WITH RECURSIVE reachable (oid, depth, path) AS (
                    SELECT r.oid, 0, ARRAY[r.oid] FROM pg_roles r WHERE r.rolname = current_user
                    UNION ALL
                    SELECT m.roleid, reachable.depth + 1, reachable.path || m.roleid
                      FROM pg_auth_members m JOIN reachable ON m.member = reachable.oid
                     WHERE NOT m.roleid = ANY (reachable.path)
                )
                SELECT DISTINCT ON (r.rolname) r.rolname, reachable.depth, r.rolsuper, r.rolbypassrls,
                       EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'crm' AND t.tableowner = r.rolname)
                    OR EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'crm' AND n.nspowner = r.oid) AS owns
                  FROM reachable JOIN pg_roles r ON r.oid = reachable.oid
                 ORDER BY r.rolname, reachable.depth""";
        String current = null;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            List<String> reached = new ArrayList<>();
            while (row.next()) {
                String role = row.getString(1);
                boolean self = row.getInt(2) == 0;
                if (self) {
                    current = role;
                }
                String who = self ? "role " + role : "member of role " + role + " (SET ROLE " + role + ")";
                if (row.getBoolean(3)) {
                    reached.add(who + " is a superuser");
                }
                if (row.getBoolean(4)) {
                    reached.add(who + (self ? " has" : " which has") + " BYPASSRLS");
                }
                if (row.getBoolean(5)) {
                    reached.add(who + (self ? " owns" : " which owns") + " the crm schema or tables");
                }
            }
            problems.addAll(reached);
        } catch (SQLException e) {
            throw new CrmException("database.error", "could not check the runtime role", e);
        }
        if (!problems.isEmpty()) {
            String message = "row-level security does not hold for the SDK's connections as " + current + " ("
                    + String.join("; ", problems) + "): connect as an ordinary role, see docs/tenancy.md";
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
        // What the SDK never does (V7): write plans or the version tables, delete a user (the delete
        // cascades into every tenant's memberships past row-level security), read the context keys.
        execute(connection, "REVOKE INSERT, UPDATE, DELETE ON " + SCHEMA + ".plans, " + SCHEMA + ".schema_versions, "
                + SCHEMA + ".seed_versions FROM " + quoted);
        execute(connection, "REVOKE DELETE ON " + SCHEMA + ".users FROM " + quoted);
        execute(connection, "REVOKE ALL ON " + SCHEMA + ".context_keys FROM " + quoted);
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
