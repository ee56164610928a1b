package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.testkit.internal.DatabaseFactory;

/**
 * Test databases without the JUnit Jupiter extension, for property tests that build one fixture
 * for many generated cases, benchmarks, or a shared fixture, and the names of the two roles every
 * test server has. The caller closes what it creates.
 *
 * <pre>{@code
 * try (CrmTestDatabase db = CrmTestDatabases.create()) {
 *     Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
 * }
 * }</pre>
 */
public final class CrmTestDatabases {

    /**
     * The ordinary role the SDK connects as in tests: {@code LOGIN NOSUPERUSER NOBYPASSRLS
     * NOCREATEDB NOCREATEROLE}, granted only use of the schema and DML on its tables.
     */
    public static final String APPLICATION_ROLE = "crm_app";

    /**
     * The role that owns every test database and the {@code crm} schema and runs the migrations:
     * {@code LOGIN NOSUPERUSER NOBYPASSRLS}.
     */
    public static final String OWNER_ROLE = "crm_owner";

    private CrmTestDatabases() {
    }

    /**
     * A new, migrated, empty database on the JVM's test server (started on first use; see
     * {@code docs/testing.md} for how it is found).
     *
     * @return the database; {@link CrmTestDatabase#close()} drops it (whatever is left is dropped
     *     when the JVM exits)
     * @throws IllegalStateException with a message saying what to set when no PostgreSQL can be reached
     */
    public static CrmTestDatabase create() {
        return DatabaseFactory.get().newDatabase();
    }

    /**
     * A new database with no schema at all, owned by {@value #OWNER_ROLE}, for testing migrations
     * ({@code CrmDatabase.migrate(db.ownerDataSource(), CrmTestDatabases.APPLICATION_ROLE)}).
     *
     * @return the database; {@link CrmTestDatabase#close()} drops it
     * @throws IllegalStateException with a message saying what to set when no PostgreSQL can be reached
     */
    public static CrmTestDatabase createEmpty() {
        return DatabaseFactory.get().newEmptyDatabase();
    }
}
