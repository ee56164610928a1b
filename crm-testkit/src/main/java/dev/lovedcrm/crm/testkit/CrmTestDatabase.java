package dev.lovedcrm.crm.testkit;

import javax.sql.DataSource;

/**
 * A real, migrated, empty PostgreSQL database for one test class. Connect the SDK through
 * {@link #dataSource()}: it uses an ordinary role (not superuser, no {@code BYPASSRLS}, not the
 * owner of the tables), so row-level security is really exercised.
 */
public final class CrmTestDatabase implements AutoCloseable {

    private final String databaseName;
    private final String jdbcUrl;
    private final DataSource ownerDataSource;
    private final DataSource dataSource;
    private final DataSource superuserDataSource;
    private final String applicationUser;
    private final String applicationPassword;
    private final Runnable drop;

    /**
     * Used by the testkit; tests receive instances from {@link CrmDatabaseExtension} or
     * {@link CrmTestDatabases#create()}.
     *
     * @param databaseName the database name
     * @param jdbcUrl its JDBC URL
     * @param ownerDataSource connections as the owner role
     * @param dataSource connections as the application role
     * @param superuserDataSource connections as the server's superuser
     * @param applicationUser the application role
     * @param applicationPassword its password
     * @param drop drops the database
     */
    public CrmTestDatabase(String databaseName, String jdbcUrl, DataSource ownerDataSource, DataSource dataSource,
            DataSource superuserDataSource, String applicationUser, String applicationPassword, Runnable drop) {
        this.databaseName = databaseName;
        this.jdbcUrl = jdbcUrl;
        this.ownerDataSource = ownerDataSource;
        this.dataSource = dataSource;
        this.superuserDataSource = superuserDataSource;
        this.applicationUser = applicationUser;
        this.applicationPassword = applicationPassword;
        this.drop = drop;
    }

    /**
     * Connections as the application role ({@value dev.lovedcrm.crm.testkit.internal.DatabaseFactory#APP_ROLE}).
     * Not pooled: each {@code getConnection()} opens a new connection; wrap it in a pool if a test
     * needs one.
     *
     * @return the data source the SDK should use
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Connections as the role that owns the schema and ran the migrations (exempt from row-level
     * security), for assertions that must see every tenant's rows.
     *
     * @return the owner's data source
     */
    public DataSource ownerDataSource() {
        return ownerDataSource;
    }

    /**
     * Connections as the server's superuser, for tests that create roles or inspect the server.
     *
     * @return the superuser's data source
     */
    public DataSource superuserDataSource() {
        return superuserDataSource;
    }

    /**
     * The JDBC URL of this database (no credentials).
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The database's name, unique per JVM and test class.
     *
     * @return the name
     */
    public String databaseName() {
        return databaseName;
    }

    /**
     * The application role's name, to build a pool of your own.
     *
     * @return the role
     */
    public String applicationUser() {
        return applicationUser;
    }

    /**
     * The application role's password (a test-only secret).
     *
     * @return the password
     */
    public String applicationPassword() {
        return applicationPassword;
    }

    /** Drops the database. The extension calls it after the test class; programmatic users call it themselves. */
    @Override
    public void close() {
        drop.run();
    }

    @Override
    public String toString() {
        return "CrmTestDatabase[" + databaseName + "]";
    }
}
