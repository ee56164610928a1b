package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per JVM: the server, the two roles, a migrated template database, and a fresh copy of it
 * per request. Every database it made is dropped when the JVM exits (on an external server too),
 * and the server is stopped when the testkit started it.
 */
public final class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);
    private static DatabaseFactory instance;
    private static IllegalStateException failure;

    private final ServerAdmin admin;
    private final String suffix;
    private final String template;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    /** PostgreSQL refuses to copy a template while anything else is connected to it: one copy at a time. */
    private final ReentrantLock copyLock = new ReentrantLock();
    private final AtomicBoolean shutDown = new AtomicBoolean();
    /** One context key per JVM: stored in the template, so every copy has it; carried by every data source. */
    private final CrmContextKey contextKey = CrmContextKey.generate();

    private DatabaseFactory(PostgresServer server) {
        this.admin = new ServerAdmin(server);
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.suffix = HexFormat.of().formatHex(random);
        this.template = "crm_template_" + suffix;
    }

    /**
     * The JVM's factory, resolving and starting the server and building the template on first use.
     * A failure is remembered, so later test classes fail at once with the same message.
     *
     * @return the factory
     * @throws IllegalStateException saying what to set when no server can be used
     */
    public static synchronized DatabaseFactory get() {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        try {
            long started = System.nanoTime();
            PostgresServer server = ServerResolver.system().resolve();
            LOG.info("crm-testkit: using {} (resolved and started in {} ms)", server.describe(), millisSince(started));
            instance = start(server);
            return instance;
        } catch (RuntimeException e) {
            failure = e instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getMessage(), e);
            throw failure;
        }
    }

    /** Sets up roles and the template on {@code server}; registers a shutdown hook that cleans up. */
    static DatabaseFactory start(PostgresServer server) {
        DatabaseFactory factory = new DatabaseFactory(server);
        Runtime.getRuntime().addShutdownHook(new Thread(factory::shutdown, "crm-testkit-cleanup"));
        try {
            long started = System.nanoTime();
            factory.admin.ensureRoles();
            long roles = millisSince(started);
            started = System.nanoTime();
            int migrations = factory.createTemplate();
            LOG.info("crm-testkit: roles {}/{} ready in {} ms; template {} created and migrated ({} migrations) in {} ms",
                    CrmTestDatabases.OWNER_ROLE, CrmTestDatabases.APPLICATION_ROLE, roles, factory.template, migrations,
                    millisSince(started));
            return factory;
        } catch (RuntimeException e) {
            factory.shutdown();
            throw e;
        }
    }

    /**
     * A new database, copied from the migrated template.
     *
     * @return the database; closing it drops it
     */
    public CrmTestDatabase newDatabase() {
        return create(template);
    }

    /**
     * A new database owned by the owner role, with nothing in it (for migration tests).
     *
     * @return the database; closing it drops it
     */
    public CrmTestDatabase newEmptyDatabase() {
        return create(null);
    }

    /**
     * The server the databases live on.
     *
     * @return the server
     */
    public PostgresServer server() {
        return admin.server();
    }

    ServerAdmin admin() {
        return admin;
    }

    String templateName() {
        return template;
    }

    private CrmTestDatabase create(String from) {
        if (shutDown.get()) {
            throw new IllegalStateException("crm-testkit is shutting down");
        }
        String name = "crm_test_" + suffix + "_" + counter.incrementAndGet();
        long started = System.nanoTime();
        created.add(name);
        copyLock.lock();
        try {
            admin.createDatabase(name, from);
        } catch (RuntimeException e) {
            created.remove(name);
            throw e;
        } finally {
            copyLock.unlock();
        }
        LOG.debug("crm-testkit: database {} created in {} ms", name, millisSince(started));
        return new TestDatabase(name, admin, contextKey, this::drop);
    }

    private int createTemplate() {
        created.add(template);
        admin.createDatabase(template, null);
        // Simple (unpooled) data source: Flyway's connections are closed when it returns.
        int migrations = CrmDatabase.migrate(admin.ownerDataSource(template), CrmTestDatabases.APPLICATION_ROLE,
                contextKey).migrationsApplied();
        admin.closeToConnections(template);
        return migrations;
    }

    private void drop(String name) {
        admin.dropDatabase(name);
        created.remove(name);
    }

    /** Drops what is left (unless the server goes away anyway) and stops a server the testkit started. Idempotent. */
    void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!server().disposable()) {
                for (String name : created) {
                    try {
                        drop(name);
                    } catch (RuntimeException e) {
                        LOG.warn("crm-testkit: could not drop database {}: {}", name, e.getMessage());
                    }
                }
            }
        } finally {
            try {
                server().close();
            } catch (RuntimeException e) {
                LOG.warn("crm-testkit: could not stop {}: {}", server().describe(), e.getMessage());
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
