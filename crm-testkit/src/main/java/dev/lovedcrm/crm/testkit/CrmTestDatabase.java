package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import javax.sql.DataSource;

/**
 * A real, migrated, empty PostgreSQL database for one test class. Connect the SDK through
 * {@link #dataSource()}: it uses the ordinary role {@value CrmTestDatabases#APPLICATION_ROLE} (not
 * superuser, no {@code BYPASSRLS}, not the owner of the tables), so row-level security is really
 * exercised.
 *
 * <p>Instances come from {@link CrmDatabaseExtension} (as a parameter of a test, lifecycle method or
 * constructor of a {@link CrmDatabaseTest} class) or from {@link CrmTestDatabases#create()}.
 */
public interface CrmTestDatabase extends AutoCloseable {

    /**
     * Connections as the application role {@value CrmTestDatabases#APPLICATION_ROLE}: not a
     * superuser, no {@code BYPASSRLS}, not the owner of the tables. Not pooled: every
     * {@code getConnection()} opens a new connection (a few milliseconds); build a pool from
     * {@link #jdbcUrl()}, {@link #applicationUser()} and {@link #applicationPassword()} when a test
     * needs one.
     *
     * @return the data source the SDK should use in tests; it carries {@link #contextKey()}
     */
    DataSource dataSource();

    /**
     * Connections as the owner role {@value CrmTestDatabases#OWNER_ROLE}, which owns the database
     * and the {@code crm} schema and ran the migrations. Table owners are exempt from row-level
     * security, so use it for assertions that must see every tenant's rows, never for the SDK.
     * Not pooled.
     *
     * @return the owner's data source
     */
    DataSource ownerDataSource();

    /**
     * Connections as the server's administrative user (the superuser of the embedded or container
     * server, or the user given with {@code CRM_TEST_DATABASE_URL}), for tests that create roles or
     * inspect the server. Not pooled.
     *
     * @return the administrator's data source
     */
    DataSource superuserDataSource();

    /**
     * The context key this database was migrated with (one per JVM; see {@code docs/security.md}, "The database
     * wall"). {@link #dataSource()} and {@link #ownerDataSource()} carry it ({@code unwrap(CrmContextKey.class)}),
     * so {@code JdbiCrmStore.create(db.dataSource())} finds it; pass it explicitly to a store over a pool of your
     * own: {@code JdbiCrmStore.create(pool, JdbiCrmStore.Options.defaults().contextKey(db.contextKey()))}.
     *
     * @return the key
     */
    CrmContextKey contextKey();

    /**
     * The JDBC URL of this database, without credentials.
     *
     * @return the URL
     */
    String jdbcUrl();

    /**
     * The database's name, unique per JVM and test class ({@code crm_test_<random>_<n>}).
     *
     * @return the name
     */
    String databaseName();

    /**
     * The application role's name ({@value CrmTestDatabases#APPLICATION_ROLE}), to build a pool
     * of your own.
     *
     * @return the role
     */
    String applicationUser();

    /**
     * The application role's password: a fixed test-only secret, the same on every server.
     *
     * @return the password
     */
    String applicationPassword();

    /**
     * Drops the database, ending any connection still open to it. Idempotent. The extension calls
     * it after the test class; callers of {@link CrmTestDatabases} call it themselves.
     */
    @Override
    void close();
}
