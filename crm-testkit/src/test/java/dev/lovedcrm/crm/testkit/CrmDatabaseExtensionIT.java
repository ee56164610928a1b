package dev.lovedcrm.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class CrmDatabaseExtensionIT {

    private static CrmTestDatabase fromBeforeAll;

    @BeforeAll
    static void receivesTheDatabaseInBeforeAll(CrmTestDatabase db) {
        fromBeforeAll = db;
    }

    @Test
    void oneDatabasePerClassAlsoInjectedIntoTests(CrmTestDatabase db) {
        assertThat(db).isSameAs(fromBeforeAll);
        assertThat(db.databaseName()).startsWith("crm_test_");
    }

    @Test
    void theApplicationRoleIsOrdinary(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(CrmTestDatabases.APPLICATION_ROLE);
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
        }
    }

    @Test
    void theDatabaseIsMigratedAndEmpty(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM crm.flyway_schema_history WHERE success),"
                        + " (SELECT count(*) FROM crm.organizations), (SELECT count(*) FROM crm.users)")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
            assertThat(rs.getLong(2)).isZero();
            assertThat(rs.getLong(3)).isZero();
        }
    }

    @Test
    void theApplicationRoleCannotChangeTheSchema(CrmTestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE TABLE crm.intruder (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.execute("DELETE FROM crm.flyway_schema_history"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterClassDatabase(CrmTestDatabase db) {
            assertThat(db).isSameAs(fromBeforeAll);
        }
    }

    @Test
    void programmaticDatabasesAreSeparateAndDroppedOnClose() throws SQLException {
        String name;
        try (CrmTestDatabase other = CrmTestDatabases.create()) {
            name = other.databaseName();
            assertThat(name).isNotEqualTo(fromBeforeAll.databaseName());
        }
        try (Connection c = fromBeforeAll.superuserDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
