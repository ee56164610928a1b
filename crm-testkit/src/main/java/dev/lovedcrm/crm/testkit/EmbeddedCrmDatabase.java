package dev.lovedcrm.crm.testkit;

import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.testkit.internal.DatabaseFactory;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database for runnable examples: the server in {@code CRM_DATABASE_URL} (with
 * {@code CRM_DATABASE_USER} and {@code CRM_DATABASE_PASSWORD}) when set, migrated as that user;
 * otherwise the test server of {@link CrmTestDatabases} (an embedded PostgreSQL 16 unless
 * {@code CRM_TEST_DATABASE_URL} says otherwise) with the two-role set-up of docs/tenancy.md and a
 * fresh migrated database, dropped when the JVM exits.
 *
 * <pre>{@code
 * try (EmbeddedCrmDatabase db = EmbeddedCrmDatabase.start()) {
 *     Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
 * }
 * }</pre>
 */
public final class EmbeddedCrmDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String description;

    private EmbeddedCrmDatabase(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * Resolves, starts if needed, and migrates the database.
     *
     * @return the database
     */
    public static EmbeddedCrmDatabase start() {
        String url = System.getenv("CRM_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(System.getenv().getOrDefault("CRM_DATABASE_USER", "postgres"));
            String password = System.getenv("CRM_DATABASE_PASSWORD");
            if (password != null) {
                dataSource.setPassword(password);
            }
            CrmDatabase.migrate(dataSource);
            return new EmbeddedCrmDatabase(dataSource, "PostgreSQL at CRM_DATABASE_URL");
        }
        DatabaseFactory factory = DatabaseFactory.get();
        return new EmbeddedCrmDatabase(factory.exampleDatabase(),
                factory.server().describe() + ", as role " + DatabaseFactory.APP_ROLE);
    }

    /**
     * Connections for the SDK.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Where the database is, for a start-up message (no credentials).
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /** Nothing to release by hand: an embedded server stops with the JVM. */
    @Override
    public void close() {
    }
}
