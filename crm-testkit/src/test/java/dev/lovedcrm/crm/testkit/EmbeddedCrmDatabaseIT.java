package dev.lovedcrm.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedCrmDatabaseIT {

    @Test
    void startsAMigratedDatabaseForExamples() throws SQLException {
        try (EmbeddedCrmDatabase db = EmbeddedCrmDatabase.start()) {
            assertThat(db.description()).doesNotContain("password");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM crm.plans")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }
}
