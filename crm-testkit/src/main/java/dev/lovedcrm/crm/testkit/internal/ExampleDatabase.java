package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind {@code EmbeddedCrmDatabase}: {@code CRM_DATABASE_URL} as it is, else its own
 * embedded PostgreSQL 16 set up like a test server (same roles) with one migrated database
 * {@value #DATABASE}.
 */
public final class ExampleDatabase implements AutoCloseable {

    static final String URL_ENV = "CRM_DATABASE_URL";
    static final String USER_ENV = "CRM_DATABASE_USER";
    static final String PASSWORD_ENV = "CRM_DATABASE_PASSWORD";
    static final String DATABASE = "crm";
    static final String KEY_ENV = "CRM_CONTEXT_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(ExampleDatabase.class);

    private final DataSource dataSource;
    private final DataSource ownerDataSource;
    private final String description;
    private final PostgresServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ExampleDatabase(DataSource dataSource, DataSource ownerDataSource, String description, PostgresServer server) {
        this.dataSource = dataSource;
        this.ownerDataSource = ownerDataSource;
        this.description = description;
        this.server = server;
    }

    /**
     * Resolves the database from the real environment.
     *
     * @return the running, migrated database
     */
    public static ExampleDatabase start() {
        return start(System.getenv(), ServerResolver::startEmbedded);
    }

    static ExampleDatabase start(Map<String, String> environment, Supplier<PostgresServer> embedded) {
        long started = System.nanoTime();
        // The context key: CRM_CONTEXT_KEY (Base64) when set, else a new one stored at every start.
        String givenKey = blankToNull(environment.get(KEY_ENV));
        CrmContextKey key = givenKey != null ? CrmContextKey.fromBase64(givenKey) : CrmContextKey.generate();
        String url = environment.get(URL_ENV);
        if (url != null && !url.isBlank()) {
            DataSource given = new KeyedDataSource(ServerAdmin.simpleDataSource(url.trim(),
                    blankToNull(environment.get(USER_ENV)), environment.get(PASSWORD_ENV)), key);
            CrmDatabase.migrate(given, null, key);
            String description = "PostgreSQL at " + ExternalServer.redact(url.trim()) + " (" + URL_ENV + ")";
            LOG.info("crm database ready in {} ms: {}", millisSince(started), description);
            return new ExampleDatabase(given, given, description, null);
        }
        PostgresServer server;
        try {
            server = embedded.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("The embedded PostgreSQL 16 did not start (" + e + "). Set " + URL_ENV
                    + "=jdbc:postgresql://host:port/database (with " + USER_ENV + "/" + PASSWORD_ENV
                    + ") to use a server of your own.", e);
        }
        try {
            ServerAdmin admin = new ServerAdmin(server);
            admin.ensureRoles();
            admin.createDatabase(DATABASE, null);
            CrmDatabase.migrate(admin.ownerDataSource(DATABASE), CrmTestDatabases.APPLICATION_ROLE, key);
            String description = server.describe() + ", database " + DATABASE + ", as role "
                    + CrmTestDatabases.APPLICATION_ROLE;
            LOG.info("crm database ready in {} ms: {}", millisSince(started), description);
            return new ExampleDatabase(new KeyedDataSource(admin.applicationDataSource(DATABASE), key),
                    new KeyedDataSource(admin.ownerDataSource(DATABASE), key), description, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
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
     * Connections as the schema's owner.
     *
     * @return the data source
     */
    public DataSource ownerDataSource() {
        return ownerDataSource;
    }

    /**
     * Where the database is, without secrets.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /** Stops the embedded server, if this started one. Idempotent. */
    @Override
    public void close() {
        if (server != null && closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
