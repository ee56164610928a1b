package dev.lovedcrm.crm.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;

/** A migrated test database (embedded PostgreSQL 16 unless CRM_TEST_DATABASE_URL says otherwise) behind a pool. */
final class BenchmarkDatabase implements AutoCloseable {

    final CrmTestDatabase database = CrmTestDatabases.create();
    final HikariDataSource pool;

    BenchmarkDatabase(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.applicationUser());
        config.setPassword(database.applicationPassword());
        config.setMaximumPoolSize(poolSize);
        pool = new HikariDataSource(config);
    }

    @Override
    public void close() {
        pool.close();
        database.close();
    }
}
