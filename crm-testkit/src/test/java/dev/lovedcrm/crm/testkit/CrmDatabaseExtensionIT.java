package dev.lovedcrm.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class CrmDatabaseExtensionIT {

    private static CrmTestDatabase fromBeforeAll;
    private final CrmTestDatabase fromConstructor;
    private CrmTestDatabase fromBeforeEach;

    CrmDatabaseExtensionIT(CrmTestDatabase db) {
        this.fromConstructor = db;
    }

    @BeforeAll
    static void receivesTheDatabaseInBeforeAll(CrmTestDatabase db) throws SQLException {
        fromBeforeAll = db;
        // Usable right away, e.g. for fixtures shared by the class.
        assertThat(queryString(db.dataSource(), "SELECT current_database()")).isEqualTo(db.databaseName());
    }

    @AfterAll
    static void stillHasTheDatabaseInAfterAll(CrmTestDatabase db) throws SQLException {
        assertThat(db).isSameAs(fromBeforeAll);
        assertThat(queryString(db.ownerDataSource(), "SELECT current_database()")).isEqualTo(db.databaseName());
    }

    @BeforeEach
    void receivesTheDatabaseInBeforeEach(CrmTestDatabase db) {
        fromBeforeEach = db;
    }

    @Test
    void oneDatabasePerClassInjectedEverywhere(CrmTestDatabase db) {
        assertThat(db).isSameAs(fromBeforeAll).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(db.databaseName()).matches("crm_test_[0-9a-f]{8}_[0-9]+");
        assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://").contains("/" + db.databaseName())
                .doesNotContain("password");
        assertThat(db.applicationUser()).isEqualTo(CrmTestDatabases.APPLICATION_ROLE);
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorBypassesRowLevelSecurity(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("crm_app");
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
        }
    }

    @Test
    void theOwnerRoleOwnsTheDatabaseButIsNotSuperuser(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user, r.rolsuper, r.rolbypassrls, pg_get_userbyid(d.datdba)"
                        + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(CrmTestDatabases.OWNER_ROLE);
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
            assertThat(rs.getString(4)).isEqualTo(CrmTestDatabases.OWNER_ROLE);
        }
        assertThat(queryString(db.superuserDataSource(), "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                .isEqualTo("true");
    }

    @Test
    void theCrmSchemaIsMigrated(CrmTestDatabase db) throws SQLException {
        assertThat(queryString(db.dataSource(), "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'crm'"))
                .isEqualTo(CrmTestDatabases.OWNER_ROLE);
        assertThat(queryString(db.dataSource(), "SELECT to_regclass('crm.flyway_schema_history')::text"))
                .isEqualTo("crm.flyway_schema_history");
        assertThat(queryString(db.dataSource(), "SELECT count(*) FILTER (WHERE NOT success)::text FROM crm.flyway_schema_history"))
                .isEqualTo("0");
    }

    @Test
    void theApplicationRoleCannotChangeTheSchema(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE crm.intruder (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.execute("DELETE FROM crm.flyway_schema_history"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.execute("CREATE SCHEMA intruder"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void programmaticDatabasesAreSeparateAndDroppedOnClose() throws SQLException {
        String name;
        try (CrmTestDatabase other = CrmTestDatabases.create()) {
            name = other.databaseName();
            assertThat(name).isNotEqualTo(fromBeforeAll.databaseName());
            assertThat(queryString(other.dataSource(), "SELECT to_regclass('crm.flyway_schema_history')::text")).isNotNull();
        }
        assertThat(queryString(fromBeforeAll.superuserDataSource(),
                "SELECT count(*)::text FROM pg_database WHERE datname = '" + name + "'")).isEqualTo("0");
    }

    @Test
    void emptyDatabasesHaveNoCrmSchema() throws SQLException {
        try (CrmTestDatabase empty = CrmTestDatabases.createEmpty()) {
            assertThat(queryString(empty.ownerDataSource(), "SELECT count(*)::text FROM pg_namespace WHERE nspname = 'crm'"))
                    .isEqualTo("0");
            assertThat(queryString(empty.ownerDataSource(), "SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = current_database()")).isEqualTo(CrmTestDatabases.OWNER_ROLE);
        }
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterClassDatabase(CrmTestDatabase db) {
            assertThat(db).isSameAs(fromBeforeAll);
        }

        @Nested
        class EvenDeeper {

            @Test
            void shareItToo(CrmTestDatabase db) {
                assertThat(db).isSameAs(fromBeforeAll);
            }
        }
    }

    static String queryString(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
