package dev.lovedcrm.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs small test classes through the JUnit engine to see what the extension gives each class. */
class PerClassDatabasesIT {

    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Test
    void twoTestClassesGetDifferentDatabasesDroppedAfterEachClass() throws SQLException {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class), selectClass(Registered.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(SEEN).containsOnlyKeys("first", "first.nested", "second", "registered");
        assertThat(SEEN.get("first")).isEqualTo(SEEN.get("first.nested"));
        assertThat(new HashSet<>(SEEN.values())).as("one database per top-level class").hasSize(3);

        try (CrmTestDatabase probe = CrmTestDatabases.createEmpty()) {
            for (String name : SEEN.values()) {
                assertThat(CrmDatabaseExtensionIT.queryString(probe.superuserDataSource(),
                        "SELECT count(*)::text FROM pg_database WHERE datname = '" + name + "'"))
                        .as("database %s dropped after its class", name).isEqualTo("0");
            }
        }
    }

    @CrmDatabaseTest
    static class FirstClass {

        @Test
        void records(CrmTestDatabase db) {
            SEEN.put("first", db.databaseName());
        }

        @Nested
        class Inner {

            @Test
            void records(CrmTestDatabase db) {
                SEEN.put("first.nested", db.databaseName());
            }
        }
    }

    @CrmDatabaseTest
    static class SecondClass {

        @Test
        void records(CrmTestDatabase db) {
            SEEN.put("second", db.databaseName());
        }
    }

    static class Registered {

        @RegisterExtension
        static final CrmDatabaseExtension EXTENSION = new CrmDatabaseExtension();

        @Test
        void records(CrmTestDatabase db) {
            SEEN.put("registered", db.databaseName());
        }
    }
}
