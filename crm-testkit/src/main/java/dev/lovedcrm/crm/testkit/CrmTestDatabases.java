package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.testkit.internal.DatabaseFactory;

/**
 * Test databases without the JUnit Jupiter extension, for other engines (jqwik properties,
 * benchmarks) or a shared fixture. The caller closes what it creates.
 */
public final class CrmTestDatabases {

    /** The application role's name in every test database. */
    public static final String APPLICATION_ROLE = DatabaseFactory.APP_ROLE;

    /** The owner role's name in every test database. */
    public static final String OWNER_ROLE = DatabaseFactory.OWNER_ROLE;

    private CrmTestDatabases() {
    }

    /**
     * A new, migrated, empty database on the JVM's test server (started on first use, see
     * {@code docs/testing.md} for how it is found).
     *
     * @return the database; {@link CrmTestDatabase#close()} drops it
     * @throws IllegalStateException with a message saying what to set when no PostgreSQL can be reached
     */
    public static CrmTestDatabase create() {
        return DatabaseFactory.get().newDatabase();
    }

    /**
     * A new database with no schema at all, owned by the owner role, for testing migrations
     * ({@code CrmDatabase.migrate(db.ownerDataSource(), "crm_app")}).
     *
     * @return the database; {@link CrmTestDatabase#close()} drops it
     */
    public static CrmTestDatabase createEmpty() {
        return DatabaseFactory.get().newEmptyDatabase();
    }
}
