package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's own wall: row-level security confines raw SQL that forgets its
 * {@code WHERE organization_id}, fails closed without a tenant, and never leaks a tenant setting
 * from one pooled transaction into the next.
 */
@CrmDatabaseTest
class RowLevelSecurityIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private static Organization orgA;
    private static Organization orgB;

    @BeforeAll
    static void twoTenants(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
        UserId ownerA = fx.user("a");
        UserId ownerB = fx.user("b");
        orgA = fx.organization(ownerA, "Tenant A");
        orgB = fx.organization(ownerB, "Tenant B");
        fx.member(orgA, ownerA, Role.MEMBER, "a-member");
        fx.member(orgA, ownerA, Role.VIEWER, "a-viewer");
        fx.member(orgB, ownerB, Role.MEMBER, "b-member");
    }

    @Test
    void aRawQueryWithoutATenantFilterSeesOnlyItsTenant() {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());

        List<UUID> seenByA = store.inTenant(orgA.id(), tx -> organizationIdsOfAllMembers(tx));
        List<UUID> seenByB = store.inTenant(orgB.id(), tx -> organizationIdsOfAllMembers(tx));

        assertThat(seenByA).hasSize(3).containsOnly(orgA.id().value());
        assertThat(seenByB).hasSize(2).containsOnly(orgB.id().value());
    }

    @Test
    void withoutATenantSettingNothingIsVisible() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM crm.organization_members")).isZero();
            assertThat(count(s, "SELECT count(*) FROM crm.organizations")).isZero();
            s.execute("SELECT set_config('crm.organization_id', '', false)");
            assertThat(count(s, "SELECT count(*) FROM crm.organization_members")).isZero();
        }
    }

    @Test
    void aTenantCannotWriteRowsOfAnother() {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());

        int updated = store.inTenant(orgA.id(), tx -> handle(tx).createUpdate(
                "UPDATE crm.organizations SET name = 'hijacked' WHERE id = :b").bind("b", orgB.id().value()).execute());
        assertThat(updated).isZero();
        assertThatThrownBy(() -> store.inTenant(orgA.id(), tx -> handle(tx).createUpdate(
                        "UPDATE crm.organization_members SET organization_id = :b WHERE organization_id = :a")
                .bind("a", orgA.id().value()).bind("b", orgB.id().value()).execute()))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.access_denied"));
        assertThat(fx.crm.organizations().findById(orgB.id()).orElseThrow().name()).isEqualTo("Tenant B");
    }

    @Test
    void aPoolOfOneConnectionAlternatingTenantsNeverLeaks() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.applicationUser());
        config.setPassword(db.applicationPassword());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbiCrmStore store = JdbiCrmStore.create(pool, JdbiCrmStore.Options.defaults().contextKey(db.contextKey()));
            for (int i = 0; i < 2_000; i++) {
                Organization tenant = i % 2 == 0 ? orgA : orgB;
                int expected = tenant == orgA ? 3 : 2;
                List<UUID> seen = store.inTenant(tenant.id(), tx -> organizationIdsOfAllMembers(tx));
                assertThat(seen).hasSize(expected).containsOnly(tenant.id().value());
                if (i % 100 == 0) {
                    assertThatThrownBy(() -> store.inTenant(tenant.id(), tx -> {
                        organizationIdsOfAllMembers(tx);
                        throw new IllegalStateException("roll back");
                    })).isInstanceOf(CrmException.class);
                }
                try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT current_setting('crm.organization_id', true),"
                                + " current_setting('crm.system', true), (SELECT count(*) FROM crm.organization_members),"
                                + " current_setting('crm.context_proof', true)")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("tenant setting after transaction %d", i).isNullOrEmpty();
                    assertThat(rs.getString(2)).as("system setting after transaction %d", i).isNullOrEmpty();
                    assertThat(rs.getLong(3)).isZero();
                    assertThat(rs.getString(4)).as("proof after transaction %d", i).isNullOrEmpty();
                }
            }
        }
    }

    @Test
    void everyTenantOwnedTableHasRowLevelSecurity() throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.relname, c.relrowsecurity,
                               EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'crm' AND c.relkind = 'r'
                           AND (c.relname = 'organizations' OR EXISTS (SELECT 1 FROM pg_attribute a
                                 WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND a.attnotnull))""")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertThat(rs.getBoolean("relrowsecurity")).as(rs.getString("relname")).isTrue();
                assertThat(rs.getBoolean("has_policy")).as(rs.getString("relname")).isTrue();
            }
            assertThat(tables).isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void theTestRuntimeRoleIsSubjectToRowLevelSecurityAndTheOwnerIsNot() {
        assertThat(CrmDatabase.verifyRuntimeRole(db.dataSource(), CrmDatabase.RuntimeRoleCheck.REFUSE)).isEmpty();
        assertThat(CrmDatabase.verifyRuntimeRole(db.ownerDataSource(), CrmDatabase.RuntimeRoleCheck.WARN))
                .anyMatch(problem -> problem.contains("owns"));
        assertThatThrownBy(() -> CrmDatabase.verifyRuntimeRole(db.ownerDataSource(), CrmDatabase.RuntimeRoleCheck.REFUSE))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.unsafe_role"));
    }

    private static List<UUID> organizationIdsOfAllMembers(StoreTransaction tx) {
        return handle(tx).createQuery("SELECT organization_id FROM crm.organization_members").mapTo(UUID.class).list();
    }

    private static Handle handle(StoreTransaction tx) {
        return ((JdbiStoreTransaction) tx).handle();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
