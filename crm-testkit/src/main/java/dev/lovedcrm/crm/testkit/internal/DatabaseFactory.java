package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per JVM: the server, the two roles, a migrated template database, and a fresh copy of it
 * per request. Everything it created is dropped at JVM exit.
 */
public final class DatabaseFactory {

    /** The role that owns the schema and runs migrations. */
    public static final String OWNER_ROLE = "crm_owner";
    /** The ordinary role the SDK connects as: no superuser, no BYPASSRLS, not the owner. */
    public static final String APP_ROLE = "crm_app";
    static final String OWNER_PASSWORD = "crm_owner_test";
    static final String APP_PASSWORD = "crm_app_test";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);
    private static volatile DatabaseFactory instance;

    private final PostgresServer server;
    private final String suffix;
    private final String template;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> created = new CopyOnWriteArrayList<>();

    private DatabaseFactory(PostgresServer server) {
        this.server = server;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.suffix = HexFormat.of().formatHex(random);
        this.template = "crm_template_" + suffix;
    }

    /** The JVM's factory, starting the server and building the template on first use. */
    public static DatabaseFactory get() {
        DatabaseFactory factory = instance;
        if (factory == null) {
            synchronized (DatabaseFactory.class) {
                factory = instance;
                if (factory == null) {
                    factory = start(ServerResolver.system().resolve());
                    instance = factory;
                }
            }
        }
        return factory;
    }

    static DatabaseFactory start(PostgresServer server) {
        DatabaseFactory factory = new DatabaseFactory(server);
        Runtime.getRuntime().addShutdownHook(new Thread(factory::shutdown, "crm-testkit-cleanup"));
        long started = System.nanoTime();
        factory.createRoles();
        factory.createTemplate();
        LOG.info("crm-testkit: {} ready, template {} migrated in {} ms", server.describe(), factory.template,
                (System.nanoTime() - started) / 1_000_000);
        return factory;
    }

    /** A new database, copied from the migrated template. */
    public CrmTestDatabase newDatabase() {
        return create(" TEMPLATE " + template);
    }

    /** A new database owned by the owner role, with nothing in it (for migration tests). */
    public CrmTestDatabase newEmptyDatabase() {
        return create("");
    }

    private CrmTestDatabase create(String template) {
        String name = "crm_test_" + suffix + "_" + counter.incrementAndGet();
        synchronized (this) {
            admin("CREATE DATABASE " + name + template + " OWNER " + OWNER_ROLE);
        }
        created.add(name);
        return new CrmTestDatabase(name, server.jdbcUrl(name), dataSource(name, OWNER_ROLE, OWNER_PASSWORD),
                dataSource(name, APP_ROLE, APP_PASSWORD),
                dataSource(name, server.superuser(), server.superuserPassword()), APP_ROLE, APP_PASSWORD,
                () -> drop(name));
    }

    /** A new database copied from the template, as the application role, for a runnable example. */
    public DataSource exampleDatabase() {
        return newDatabase().dataSource();
    }

    public PostgresServer server() {
        return server;
    }

    private void createRoles() {
        createRole(OWNER_ROLE, OWNER_PASSWORD);
        createRole(APP_ROLE, APP_PASSWORD);
    }

    private void createRole(String role, String password) {
        try {
            admin("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; "
                    + "END IF; END $$");
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getCause()).contains("already exists")) {
                throw e;
            }
        }
    }

    private void createTemplate() {
        admin("CREATE DATABASE " + template + " OWNER " + OWNER_ROLE);
        created.add(template);
        CrmDatabase.migrate(dataSource(template, OWNER_ROLE, OWNER_PASSWORD), APP_ROLE);
    }

    private void drop(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        created.remove(name);
    }

    private void shutdown() {
        try {
            if (!server.disposable()) {
                for (String name : created) {
                    drop(name);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("crm-testkit: could not drop test databases", e);
        } finally {
            server.close();
        }
    }

    private void admin(String sql) {
        try (Connection connection = dataSource(server.adminDatabase(), server.superuser(), server.superuserPassword())
                .getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("crm-testkit could not run '" + sql.split(" PASSWORD ")[0] + "' on "
                    + server.describe() + ": " + e.getMessage(), e);
        }
    }

    private DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(database));
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }
}
