package dev.lovedcrm.crm.testkit.internal;

import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A database made by {@link DatabaseFactory}; closing it drops it once. */
final class TestDatabase implements CrmTestDatabase {

    private final String databaseName;
    private final String jdbcUrl;
    private final DataSource dataSource;
    private final DataSource ownerDataSource;
    private final DataSource superuserDataSource;
    private final CrmContextKey contextKey;
    private final Consumer<String> drop;
    private final AtomicBoolean closed = new AtomicBoolean();

    TestDatabase(String databaseName, ServerAdmin admin, CrmContextKey contextKey, Consumer<String> drop) {
        this.databaseName = databaseName;
        this.jdbcUrl = admin.server().jdbcUrl(databaseName);
        this.contextKey = contextKey;
        this.dataSource = new KeyedDataSource(admin.applicationDataSource(databaseName), contextKey);
        this.ownerDataSource = new KeyedDataSource(admin.ownerDataSource(databaseName), contextKey);
        this.superuserDataSource = admin.superuserDataSource(databaseName);
        this.drop = drop;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public DataSource ownerDataSource() {
        return ownerDataSource;
    }

    @Override
    public DataSource superuserDataSource() {
        return superuserDataSource;
    }

    @Override
    public CrmContextKey contextKey() {
        return contextKey;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String databaseName() {
        return databaseName;
    }

    @Override
    public String applicationUser() {
        return CrmTestDatabases.APPLICATION_ROLE;
    }

    @Override
    public String applicationPassword() {
        return ServerAdmin.APP_PASSWORD;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            drop.accept(databaseName);
        }
    }

    @Override
    public String toString() {
        return "CrmTestDatabase[" + databaseName + "]";
    }
}
