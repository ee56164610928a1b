package dev.lovedcrm.crm.it.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.CrmDatabase;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.testkit.CrmTestDatabases;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Item 1 (d): a runtime role that can {@code SET ROLE} to the owner, or to a superuser or {@code BYPASSRLS}
 * role, directly or through other roles, with or without {@code INHERIT}, escapes row-level security;
 * {@link CrmDatabase#verifyRuntimeRole} reports it (before, a membership {@code WITH INHERIT FALSE} passed),
 * and {@link JdbiCrmStore#create(DataSource, JdbiCrmStore.Options)} checks the role: WARN by default,
 * REFUSE when asked. The roles are made for this test on the test server and dropped afterwards.
 */
@CrmDatabaseTest
class RuntimeRoleCheckIT {

    private static final String PASSWORD = "runtime-role-check";
    private static final String SUFFIX = Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    private static final List<String> ROLES = new ArrayList<>();

    private static CrmTestDatabase db;

    @BeforeAll
    static void aTenant(CrmTestDatabase database) {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        UserId owner = fx.user("owner");
        fx.organization(owner, "Tenant A");
        fx.organization(fx.user("other"), "Tenant B");
    }

    @AfterAll
    static void dropRoles() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = ROLES.size() - 1; i >= 0; i--) {
                s.execute("DROP ROLE IF EXISTS " + ROLES.get(i));
            }
        }
    }

    @Test
    void aMemberOfTheOwnerWithoutInheritCanSetRoleToItAndIsReported() throws SQLException {
        String sneaky = loginRole("sneaky");
        grant(CrmTestDatabases.OWNER_ROLE, sneaky, false);
        DataSource asSneaky = dataSource(sneaky);

        // The attack the check exists for: without INHERIT the role has none of the owner's rights
        // until it asks for them; SET ROLE gives them, and the owner is exempt from row-level security.
        try (Connection c = asSneaky.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE " + CrmTestDatabases.OWNER_ROLE);
            assertThat(count(s, "SELECT count(*) FROM crm.organizations")).isEqualTo(2);
        }

        assertThat(CrmDatabase.verifyRuntimeRole(asSneaky, CrmDatabase.RuntimeRoleCheck.WARN))
                .anyMatch(problem -> problem.contains("SET ROLE " + CrmTestDatabases.OWNER_ROLE) && problem.contains("owns"));
        assertRefused(asSneaky);
    }

    @Test
    void aMembershipThroughAnotherRoleIsFollowed() throws SQLException {
        String middle = nologinRole("middle");
        grant(CrmTestDatabases.OWNER_ROLE, middle, false);
        String deep = loginRole("deep");
        grant(middle, deep, true);

        assertThat(CrmDatabase.verifyRuntimeRole(dataSource(deep), CrmDatabase.RuntimeRoleCheck.WARN))
                .anyMatch(problem -> problem.contains("SET ROLE " + CrmTestDatabases.OWNER_ROLE));
        assertRefused(dataSource(deep));
    }

    @Test
    void aMemberOfASuperuserOrBypassRlsRoleIsReported() throws SQLException {
        String bypass = nologinRole("bypass");
        execute("ALTER ROLE " + bypass + " BYPASSRLS");
        String viaBypass = loginRole("via_bypass");
        grant(bypass, viaBypass, false);
        assertThat(CrmDatabase.verifyRuntimeRole(dataSource(viaBypass), CrmDatabase.RuntimeRoleCheck.WARN))
                .containsExactly("member of role " + bypass + " (SET ROLE " + bypass + ") which has BYPASSRLS");

        String superRole = nologinRole("super");
        execute("ALTER ROLE " + superRole + " SUPERUSER");
        String viaSuper = loginRole("via_super");
        grant(superRole, viaSuper, true);
        assertThat(CrmDatabase.verifyRuntimeRole(dataSource(viaSuper), CrmDatabase.RuntimeRoleCheck.WARN))
                .containsExactly("member of role " + superRole + " (SET ROLE " + superRole + ") is a superuser");
        assertRefused(dataSource(viaSuper));
    }

    @Test
    void theStoreChecksTheRoleWarningByDefaultAndRefusingWhenAsked() {
        assertThat(JdbiCrmStore.create(db.ownerDataSource())).as("WARN: created, with a warning in the log").isNotNull();
        assertThatThrownBy(() -> JdbiCrmStore.create(db.ownerDataSource(),
                JdbiCrmStore.Options.defaults().runtimeRoleCheck(CrmDatabase.RuntimeRoleCheck.REFUSE)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.unsafe_role"));
        assertThat(JdbiCrmStore.create(db.dataSource(),
                JdbiCrmStore.Options.defaults().runtimeRoleCheck(CrmDatabase.RuntimeRoleCheck.REFUSE))).isNotNull();
        assertThat(CrmDatabase.verifyRuntimeRole(db.dataSource(), CrmDatabase.RuntimeRoleCheck.REFUSE)).isEmpty();
    }

    private static void assertRefused(DataSource dataSource) {
        assertThatThrownBy(() -> CrmDatabase.verifyRuntimeRole(dataSource, CrmDatabase.RuntimeRoleCheck.REFUSE))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.unsafe_role"));
        assertThatThrownBy(() -> JdbiCrmStore.create(dataSource, JdbiCrmStore.Options.defaults()
                        .contextKey(db.contextKey()).runtimeRoleCheck(CrmDatabase.RuntimeRoleCheck.REFUSE)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("database.unsafe_role"));
    }

    private static String loginRole(String name) throws SQLException {
        String role = "crm_it_" + name + "_" + SUFFIX;
        ROLES.add(role);
        execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + PASSWORD + "'");
        return role;
    }

    private static String nologinRole(String name) throws SQLException {
        String role = "crm_it_" + name + "_" + SUFFIX;
        ROLES.add(role);
        execute("CREATE ROLE " + role + " NOLOGIN NOSUPERUSER NOBYPASSRLS");
        return role;
    }

    /** {@code GRANT role TO member}, with INHERIT as given (PostgreSQL 16; before, the member's NOINHERIT). */
    private static void grant(String role, String member, boolean inherit) throws SQLException {
        if (serverVersion() >= 160000) {
            execute("GRANT " + role + " TO " + member + " WITH INHERIT " + inherit);
        } else {
            execute("GRANT " + role + " TO " + member);
            if (!inherit) {
                execute("ALTER ROLE " + member + " NOINHERIT");
            }
        }
    }

    private static int serverVersion() throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            return (int) count(s, "SELECT current_setting('server_version_num')::int");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static DataSource dataSource(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(role);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
