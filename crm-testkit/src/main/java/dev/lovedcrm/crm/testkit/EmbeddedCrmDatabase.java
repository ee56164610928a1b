package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.testkit.internal.ExampleDatabase;
import javax.sql.DataSource;

/**
 * A migrated database for runnable examples and demos.
 *
 * <ul>
 *   <li>When the environment variable {@code CRM_DATABASE_URL} is set, that database is used as it
 *       is, as {@code CRM_DATABASE_USER} / {@code CRM_DATABASE_PASSWORD} (or the user the URL or
 *       the driver's defaults name): it is migrated as that user and no role is created.</li>
 *   <li>Otherwise an embedded PostgreSQL 16 is started (binaries from Maven Central) with the roles
 *       {@value CrmTestDatabases#OWNER_ROLE} and {@value CrmTestDatabases#APPLICATION_ROLE} and a
 *       database {@code crm} owned by the former and migrated; {@link #dataSource()} connects as
 *       the latter, so row-level security applies. {@link #close()} stops the server and deletes
 *       its data.</li>
 *   <li>The context key that seals the row-level security context is {@code CRM_CONTEXT_KEY} (Base64 of 32
 *       random bytes) when set, else a new key stored at every start; both data sources carry it, so
 *       {@code JdbiCrmStore.create(db.dataSource())} finds it.</li>
 * </ul>
 *
 * <pre>{@code
 * try (EmbeddedCrmDatabase db = EmbeddedCrmDatabase.start()) {
 *     System.out.println("Database: " + db.description());
 *     Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
 * }
 * }</pre>
 *
 * <p>Nothing secret is logged or put in {@link #description()}.
 */
public final class EmbeddedCrmDatabase implements AutoCloseable {

    private final ExampleDatabase database;

    private EmbeddedCrmDatabase(ExampleDatabase database) {
        this.database = database;
    }

    /**
     * Resolves, starts if needed, and migrates the database (2–4 s for an embedded server).
     *
     * @return the running database; close it to stop an embedded server
     * @throws IllegalStateException when the embedded server cannot start, saying what to set instead
     * @throws dev.lovedcrm.crm.error.CrmException when the migration fails
     */
    public static EmbeddedCrmDatabase start() {
        return new EmbeddedCrmDatabase(ExampleDatabase.start());
    }

    /**
     * Connections for the SDK: as {@value CrmTestDatabases#APPLICATION_ROLE} on the embedded
     * server, or as the configured user with {@code CRM_DATABASE_URL}. Not pooled.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Connections as the role that owns the schema and ran the migrations
     * ({@value CrmTestDatabases#OWNER_ROLE} on the embedded server, the configured user with
     * {@code CRM_DATABASE_URL}). Not pooled.
     *
     * @return the owner's data source
     */
    public DataSource ownerDataSource() {
        return database.ownerDataSource();
    }

    /**
     * Where the database is, for a start-up message: no password, no URL parameters.
     *
     * @return the description
     */
    public String description() {
        return database.description();
    }

    /** Stops the embedded server and deletes its data; does nothing for a {@code CRM_DATABASE_URL} database. Idempotent. */
    @Override
    public void close() {
        database.close();
    }

    /**
     * The description, as {@link #description()}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "EmbeddedCrmDatabase[" + database.description() + "]";
    }
}
