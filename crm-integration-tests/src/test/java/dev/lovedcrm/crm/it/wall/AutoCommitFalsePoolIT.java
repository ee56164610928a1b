package dev.lovedcrm.crm.it.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Item 2 of the hardening issue: with a HikariCP pool configured {@code autoCommit=false}, registrations and
 * organizations used to vanish (JDBI took the connection for a transaction already open and never committed).
 * A write through the SDK is now committed and visible on another connection, a failed unit of work still
 * rolls back, and the connection goes back to the pool as it came.
 */
@CrmDatabaseTest
class AutoCommitFalsePoolIT {

    @Test
    void writesAreCommittedAndFailuresRolledBack(CrmTestDatabase db) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.applicationUser());
        config.setPassword(db.applicationPassword());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbiCrmStore store = JdbiCrmStore.create(pool, JdbiCrmStore.Options.defaults().contextKey(db.contextKey()));
            Crm crm = Crm.builder().store(store).build();

            User user = crm.users().register(NewUser.of("autocommit@example.com", "correct horse battery staple", "Auto"));
            Organization org = crm.organizations().create(user.id(), NewOrganization.named("Auto Commit Co"));

            // Another connection, another role: the rows are committed.
            assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.users WHERE id = ?", user.id().value()))
                    .isEqualTo(1);
            assertThat(Sql.string(db.ownerDataSource(), "SELECT name FROM crm.organizations WHERE id = ?", org.id().value()))
                    .isEqualTo("Auto Commit Co");
            assertThat(Sql.number(db.ownerDataSource(),
                    "SELECT count(*) FROM crm.organization_members WHERE organization_id = ?", org.id().value())).isEqualTo(1);
            // And through a fresh store on its own connections.
            Crm other = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
            assertThat(other.organizations().findById(org.id())).isPresent();

            assertThatThrownBy(() -> store.inTenant(org.id(), tx -> {
                ((JdbiStoreTransaction) tx).handle()
                        .createUpdate("UPDATE crm.organizations SET name = 'Rolled Back' WHERE id = :id")
                        .bind("id", org.id().value()).execute();
                throw new IllegalStateException("fail after the write");
            })).isInstanceOf(CrmException.class);
            assertThat(Sql.string(db.ownerDataSource(), "SELECT name FROM crm.organizations WHERE id = ?", org.id().value()))
                    .isEqualTo("Auto Commit Co");

            try (Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).as("the pool's setting is restored").isFalse();
                c.rollback();
            }
        }
    }
}
