package dev.lovedcrm.crm.it.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.CrmContextKey;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item 1 (b) of the hardening issue, as an attacker: SQL that runs as the application role outside the
 * SDK (an injectable query of the host on a connection of the shared pool) sets {@code crm.system} and
 * {@code crm.organization_id} itself, at session and at transaction level, with no proof, a forged one, or
 * a real proof taken from another transaction. Before V7 the first of these read and wrote every tenant
 * (the attacker became owner of tenant B and renamed it); now none of them shows or changes a row of
 * another tenant or enables system mode. A control with the real key shows the same statements do see
 * rows when the context is sealed, so the refusals are not vacuous.
 */
@CrmDatabaseTest
class SealedContextIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private static Organization orgA;
    private static Organization orgB;
    private static UserId attacker;

    @BeforeAll
    static void twoTenants(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
        attacker = fx.user("attacker");
        orgA = fx.organization(attacker, "Tenant A");
        UserId ownerB = fx.user("owner-b");
        orgB = fx.organization(ownerB, "Tenant B");
        fx.member(orgB, ownerB, Role.MEMBER, "b-member");
    }

    @Test
    void systemModeSetAtSessionLevelByTheApplicationRoleOpensNothing() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT set_config('crm.system', 'on', false)");
            assertAttackFails(c);
            s.execute("SELECT set_config('crm.system', 'off', false), set_config('crm.organization_id', '"
                    + orgB.id().value() + "', false)");
            assertAttackFails(c);
        }
        assertTenantBUntouched();
    }

    @Test
    void systemModeSetInsideATransactionByTheApplicationRoleOpensNothing() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT txid_current()"); // an id is assigned: the proof has something to bind to
            s.execute("SELECT set_config('crm.system', 'on', true)");
            assertAttackFails(c);
            s.execute("SELECT set_config('crm.system', 'off', true), set_config('crm.organization_id', '"
                    + orgB.id().value() + "', true)");
            assertAttackFails(c);
            c.commit();
        }
        assertTenantBUntouched();
    }

    @Test
    void aForgedProofOpensNothing() throws SQLException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String forged = HexFormat.of().formatHex(random);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT txid_current()");
            s.execute("SELECT set_config('crm.system', 'on', true), set_config('crm.organization_id', '', true),"
                    + " set_config('crm.context_proof', '" + forged + "', true)");
            assertAttackFails(c);
            // A proof under another key, for this very transaction, is a forgery too.
            CrmContextKey.generate().sealTenant(c, orgB.id().value());
            assertAttackFails(c);
            c.commit();
        }
        assertTenantBUntouched();
    }

    @Test
    void aRealProofReplayedInAnotherTransactionOpensNothing() throws SQLException {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());
        // What a tenant transaction and a system transaction of the SDK really set (as if leaked by a log).
        List<String> tenantSettings = store.inTenant(orgB.id(), tx -> settings(handle(tx)));
        List<String> systemSettings = store.inSystem("test: capture a system proof", tx -> settings(handle(tx)));
        assertThat(tenantSettings.get(2)).hasSize(64);

        for (List<String> captured : List.of(tenantSettings, systemSettings)) {
            for (boolean local : new boolean[] {true, false}) {
                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT txid_current()");
                    }
                    try (PreparedStatement set = c.prepareStatement("SELECT set_config('crm.organization_id', ?, ?),"
                            + " set_config('crm.system', ?, ?), set_config('crm.context_proof', ?, ?)")) {
                        set.setString(1, captured.get(0));
                        set.setBoolean(2, local);
                        set.setString(3, captured.get(1));
                        set.setBoolean(4, local);
                        set.setString(5, captured.get(2));
                        set.setBoolean(6, local);
                        set.executeQuery().close();
                    }
                    assertAttackFails(c);
                    c.commit();
                }
            }
        }
        assertTenantBUntouched();
    }

    @Test
    void theControlTheSealedContextOfTheRealKeySeesItsTenantOnly() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            db.contextKey().sealTenant(c, orgB.id().value());
            assertThat(count(c, "SELECT count(*) FROM crm.organization_members")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM crm.organizations")).isEqualTo(1);
            assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.organizations")).isZero();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT crm.current_tenant()::text, crm.system_mode()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(orgB.id().value().toString());
                assertThat(rs.getBoolean(2)).isFalse();
            }
            // Changing a setting after the proof breaks it: the proof covers both settings.
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('crm.organization_id', '" + orgA.id().value() + "', true)");
            }
            assertThat(count(c, "SELECT count(*) FROM crm.organizations")).isZero();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('crm.organization_id', '', true), set_config('crm.system', 'on', true)");
            }
            assertThat(count(c, "SELECT count(*) FROM crm.organizations")).isZero();
            c.rollback();
        }
    }

    @Test
    void aSessionLevelSystemModeLeftOnAPooledConnectionDoesNotReachTheNextTenantTransaction() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.applicationUser());
        config.setPassword(db.applicationPassword());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbiCrmStore store = JdbiCrmStore.create(pool, JdbiCrmStore.Options.defaults().contextKey(db.contextKey()));
            List<String> captured = store.inSystem("test: capture", tx -> settings(handle(tx)));
            // Other code on the same pool leaves session-level settings behind, a captured proof included.
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT set_config('crm.system', 'on', false), set_config('crm.organization_id', '', false),"
                        + " set_config('crm.context_proof', '" + captured.get(2) + "', false)");
            }
            List<UUID> seen = store.inTenant(orgA.id(), tx -> handle(tx)
                    .createQuery("SELECT organization_id FROM crm.organization_members").mapTo(UUID.class).list());
            assertThat(seen).isNotEmpty().containsOnly(orgA.id().value());
            try (Connection c = pool.getConnection()) {
                assertThat(count(c, "SELECT count(*) FROM crm.organization_members")).isZero();
                assertThat(count(c, "SELECT count(*) FROM crm.organizations")).isZero();
            }
        }
    }

    @Test
    void theApplicationRoleCannotReadTheKeys() throws SQLException {
        assertThatThrownBy(() -> Sql.strings(db.dataSource(), "SELECT encode(inner_pad, 'hex') FROM crm.context_keys"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> Sql.strings(db.dataSource(), "DELETE FROM crm.context_keys RETURNING slot"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.context_keys")).isEqualTo(1);
        assertThat(Sql.strings(db.ownerDataSource(), """
                SELECT p.proname || ':' || p.prosecdef || ':' || array_to_string(p.proconfig, ',')
                  FROM pg_proc p WHERE p.pronamespace = 'crm'::regnamespace
                   AND p.proname IN ('current_tenant', 'system_mode', 'context_sealed') ORDER BY 1"""))
                .as("SECURITY DEFINER, search_path pinned")
                .containsExactly("context_sealed:true:search_path=pg_catalog", "current_tenant:true:search_path=pg_catalog",
                        "system_mode:true:search_path=pg_catalog");
        assertThat(Sql.strings(db.ownerDataSource(), """
                SELECT DISTINCT pg_get_expr(p.polqual, p.polrelid) FROM pg_policy p
                 WHERE p.polrelid = 'crm.organization_members'::regclass"""))
                .as("evaluated once per statement").singleElement().asString()
                .contains("( SELECT crm.current_tenant()", "( SELECT crm.system_mode()");
    }

    @Test
    void keyRotationAcceptsTheCurrentAndThePreviousKeyThenOnlyTheNewOne() {
        try (CrmTestDatabase own = CrmTestDatabases.create()) {
            TenancyFixture local = new TenancyFixture(own.dataSource());
            Organization org = local.organization(local.user("rotation"), "Rotation");
            CrmContextKey oldKey = own.contextKey();
            CrmContextKey newKey = CrmContextKey.generate();
            JdbiCrmStore oldStore = JdbiCrmStore.create(own.dataSource(), JdbiCrmStore.Options.defaults().contextKey(oldKey));
            JdbiCrmStore newStore = JdbiCrmStore.create(own.dataSource(), JdbiCrmStore.Options.defaults().contextKey(newKey));
            JdbiCrmStore strangerStore = JdbiCrmStore.create(own.dataSource(),
                    JdbiCrmStore.Options.defaults().contextKey(CrmContextKey.generate()));

            assertThat(organizations(oldStore, org)).isEqualTo(1);
            assertThat(organizations(newStore, org)).as("not installed yet").isZero();

            CrmDatabase.installContextKeys(own.ownerDataSource(), newKey, oldKey);
            assertThat(organizations(newStore, org)).isEqualTo(1);
            assertThat(organizations(oldStore, org)).as("previous key, still valid").isEqualTo(1);
            assertThat(organizations(strangerStore, org)).isZero();

            CrmDatabase.installContextKeys(own.ownerDataSource(), newKey, null);
            assertThat(organizations(newStore, org)).isEqualTo(1);
            assertThat(organizations(oldStore, org)).as("retired").isZero();
            long seenInSystemMode = oldStore.inSystem("test: retired key",
                    tx -> count(handle(tx), "SELECT count(*) FROM crm.organizations"));
            assertThat(seenInSystemMode).isZero();
        }
    }

    @Test
    void aStoreNeedsTheKey() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.applicationUser());
        config.setPassword(db.applicationPassword());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> JdbiCrmStore.create(pool))
                    .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.context_key_missing"));
        }
        assertThat(db.contextKey().toString()).doesNotContain(db.contextKey().toBase64());
    }

    /** The attack of the issue, on a connection whose settings the attacker chose: read, take over, rename. */
    private static void assertAttackFails(Connection c) throws SQLException {
        assertThat(count(c, "SELECT count(*) FROM crm.organizations")).as("organizations visible").isZero();
        assertThat(count(c, "SELECT count(*) FROM crm.organization_members")).as("memberships visible").isZero();
        assertThat(count(c, "SELECT count(*) FROM crm.domain_events")).as("events visible").isZero();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT crm.current_tenant() IS NULL, crm.system_mode()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("tenant admitted").isTrue();
            assertThat(rs.getBoolean(2)).as("system mode admitted").isFalse();
        }
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            if (!autoCommit) {
                s.execute("SAVEPOINT attack");
            }
            assertThat(s.executeUpdate("UPDATE crm.organizations SET name = 'pwned' WHERE id = '" + orgB.id().value() + "'"))
                    .as("rows renamed").isZero();
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO crm.organization_members (organization_id, id, user_id, role)"
                    + " VALUES ('" + orgB.id().value() + "', gen_random_uuid(), '" + attacker.value() + "', 'owner')"))
                    .as("made owner of tenant B")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            if (!autoCommit) {
                s.execute("ROLLBACK TO SAVEPOINT attack");
            }
        }
    }

    private static void assertTenantBUntouched() throws SQLException {
        assertThat(Sql.string(db.ownerDataSource(), "SELECT name FROM crm.organizations WHERE id = ?", orgB.id().value()))
                .isEqualTo("Tenant B");
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.organization_members WHERE organization_id = ?"
                + " AND user_id = ?", orgB.id().value(), attacker.value())).isZero();
    }

    private static List<String> settings(Handle handle) {
        return handle.createQuery("SELECT current_setting('crm.organization_id', true) AS a, current_setting('crm.system', true)"
                        + " AS b, current_setting('crm.context_proof', true) AS c")
                .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).one();
    }

    private static long organizations(JdbiCrmStore store, Organization org) {
        return store.inTenant(org.id(), tx -> count(handle(tx), "SELECT count(*) FROM crm.organizations"));
    }

    private static long count(Handle handle, String sql) {
        return handle.createQuery(sql).mapTo(Long.class).one();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Handle handle(dev.lovedcrm.crm.store.StoreTransaction tx) {
        return ((JdbiStoreTransaction) tx).handle();
    }
}
