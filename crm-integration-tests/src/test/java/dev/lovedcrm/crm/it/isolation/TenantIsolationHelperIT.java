package dev.lovedcrm.crm.it.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code crm.enable_tenant_isolation(table)} (V5): one call gives a new tenant table the same
 * row-level security as the tables of V3, and only the table's owner can make it.
 */
@CrmDatabaseTest
class TenantIsolationHelperIT {

    private static CrmTestDatabase db;
    private static Organization orgA;
    private static Organization orgB;

    @BeforeAll
    static void aScratchTenantTableWithTheHelper(CrmTestDatabase database) throws SQLException {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        UserId ownerA = fx.user("helper-a");
        UserId ownerB = fx.user("helper-b");
        orgA = fx.organization(ownerA, "Helper A");
        orgB = fx.organization(ownerB, "Helper B");
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE crm.scratch_notes (
                        organization_id UUID NOT NULL REFERENCES crm.organizations (id),
                        id              UUID NOT NULL DEFAULT gen_random_uuid(),
                        body            TEXT NOT NULL,
                        CONSTRAINT pk_scratch_notes PRIMARY KEY (organization_id, id))""");
            s.execute("SELECT crm.enable_tenant_isolation('crm.scratch_notes')");
            for (Organization org : List.of(orgA, orgA, orgB)) {
                s.execute("INSERT INTO crm.scratch_notes (organization_id, body) VALUES ('" + org.id().value() + "', 'note of "
                        + org.name() + "')");
            }
        }
    }

    @Test
    void theApplicationRoleSeesOnlyItsTenantsRows() throws SQLException {
        assertThat(inTenant(orgA.id().value(), "SELECT organization_id::text FROM crm.scratch_notes"))
                .hasSize(2).containsOnly(orgA.id().value().toString());
        assertThat(inTenant(orgB.id().value(), "SELECT organization_id::text FROM crm.scratch_notes"))
                .hasSize(1).containsOnly(orgB.id().value().toString());
        assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.scratch_notes")).as("no tenant: fail closed").isZero();
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.scratch_notes")).as("the owner is exempt").isEqualTo(3);
    }

    @Test
    void theApplicationRoleCannotInsertUpdateOrDeleteAnotherTenantsRow() throws SQLException {
        UUID a = orgA.id().value();
        UUID b = orgB.id().value();
        assertThatThrownBy(() -> inTenant(a, "INSERT INTO crm.scratch_notes (organization_id, body) VALUES ('" + b
                + "', 'planted') RETURNING id::text"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> inTenant(a, "UPDATE crm.scratch_notes SET organization_id = '" + b + "' RETURNING id::text"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(inTenant(a, "UPDATE crm.scratch_notes SET body = 'hijacked' WHERE organization_id = '" + b + "' RETURNING id::text"))
                .isEmpty();
        assertThat(inTenant(a, "DELETE FROM crm.scratch_notes WHERE organization_id = '" + b + "' RETURNING id::text")).isEmpty();
        assertThatThrownBy(() -> withoutTenant("INSERT INTO crm.scratch_notes (organization_id, body) VALUES ('" + a
                + "', 'no tenant') RETURNING id::text"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));

        assertThat(inTenant(a, "INSERT INTO crm.scratch_notes (organization_id, body) VALUES ('" + a + "', 'own') RETURNING id::text"))
                .hasSize(1);
        assertThat(Sql.strings(db.ownerDataSource(), "SELECT body FROM crm.scratch_notes WHERE organization_id = ?", b))
                .containsExactly("note of Helper B");
        assertThat(inTenant(a, "DELETE FROM crm.scratch_notes WHERE body = 'own' RETURNING id::text")).hasSize(1);
    }

    @Test
    void thePolicyIsExactlyTheOneV3GaveTheExistingTenantTables() throws SQLException {
        String policy = """
                SELECT p.polname || '|' || p.polcmd::text || '|' || p.polpermissive || '|' || pg_get_expr(p.polqual, p.polrelid)
                       || '|' || pg_get_expr(p.polwithcheck, p.polrelid) || '|' || c.relrowsecurity || '|' || c.relforcerowsecurity
                  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE p.polrelid = ?::regclass""";
        List<String> scratch = Sql.strings(db.ownerDataSource(), policy, "crm.scratch_notes");
        assertThat(scratch).hasSize(1);
        assertThat(scratch).isEqualTo(Sql.strings(db.ownerDataSource(), policy, "crm.leads"));
        assertThat(scratch).isEqualTo(Sql.strings(db.ownerDataSource(), policy, "crm.organization_members"));
        assertThat(scratch.get(0)).startsWith("tenant_isolation|*|true|").endsWith("|true|false");
    }

    @Test
    void callingItAgainLeavesTheSamePolicy() throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT crm.enable_tenant_isolation('crm.scratch_notes')");
        }
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM pg_policy WHERE polrelid = 'crm.scratch_notes'::regclass"))
                .isEqualTo(1);
        assertThat(inTenant(orgB.id().value(), "SELECT organization_id::text FROM crm.scratch_notes")).hasSize(1);
    }

    @Test
    void onlyTheOwnerMayCallIt() throws SQLException {
        assertThat(Sql.string(db.ownerDataSource(), """
                SELECT has_function_privilege('public', 'crm.enable_tenant_isolation(regclass)', 'EXECUTE')::text"""))
                .as("EXECUTE revoked from PUBLIC").isEqualTo("false");
        assertThat(Sql.string(db.ownerDataSource(), "SELECT prosecdef::text FROM pg_proc WHERE oid = 'crm.enable_tenant_isolation(regclass)'::regprocedure"))
                .as("SECURITY INVOKER, so it lends no owner rights").isEqualTo("false");

        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm.scratch_unprotected (organization_id UUID NOT NULL, id UUID NOT NULL,"
                    + " CONSTRAINT pk_scratch_unprotected PRIMARY KEY (organization_id, id))");
        }
        // CrmDatabase.migrate grants the application role EXECUTE on the schema's functions; whether or
        // not it can call the helper, the call must be refused and change nothing.
        assertThatThrownBy(() -> Sql.strings(db.dataSource(), "SELECT crm.enable_tenant_isolation('crm.scratch_unprotected')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThatThrownBy(() -> Sql.strings(db.dataSource(), "SELECT crm.enable_tenant_isolation('crm.scratch_notes')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        assertThat(Sql.string(db.ownerDataSource(), "SELECT relrowsecurity::text FROM pg_class WHERE oid = 'crm.scratch_unprotected'::regclass"))
                .isEqualTo("false");
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM pg_policy WHERE polrelid = 'crm.scratch_notes'::regclass"))
                .isEqualTo(1);
    }

    @Test
    void itRefusesATableThatIsNotATenantTable() throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm.scratch_nullable (organization_id UUID, id UUID PRIMARY KEY)");
            s.execute("CREATE TABLE public.scratch_elsewhere (organization_id UUID NOT NULL, id UUID PRIMARY KEY)");
        }
        for (String table : List.of("crm.scratch_nullable", "public.scratch_elsewhere", "crm.users")) {
            assertThatThrownBy(() -> Sql.strings(db.ownerDataSource(), "SELECT crm.enable_tenant_isolation(?::regclass)", table))
                    .as(table)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
        }
        assertThat(Sql.string(db.ownerDataSource(), "SELECT relrowsecurity::text FROM pg_class WHERE oid = 'crm.users'::regclass"))
                .isEqualTo("false");
    }

    /** Runs one statement as the application role in a transaction whose tenant is {@code organization}. */
    private static List<String> inTenant(UUID organization, String sql) throws SQLException {
        return asApplication(organization, sql);
    }

    private static List<String> withoutTenant(String sql) throws SQLException {
        return asApplication(null, sql);
    }

    private static List<String> asApplication(UUID organization, String sql) throws SQLException {
        DataSource app = db.dataSource();
        List<String> rows = new ArrayList<>();
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (organization != null) {
                    // The SDK's sealed context (V7): the settings and their proof under the context key.
                    db.contextKey().sealTenant(c, organization);
                }
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return rows;
    }
}
