package dev.lovedcrm.crm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The resolution order and its messages, with an injected environment instead of the real one. */
class ServerResolverTest {

    private static final Supplier<PostgresServer> NO_EMBEDDED = () -> {
        throw new IllegalStateException("Missing embedded postgres binaries");
    };
    private static final Supplier<PostgresServer> NO_DOCKER = () -> {
        throw new IllegalStateException("Could not find a valid Docker environment");
    };

    private static ServerResolver resolver(Map<String, String> env, Map<String, String> properties) {
        return new ServerResolver(env, properties, NO_EMBEDDED, NO_DOCKER);
    }

    @Test
    void aUrlFromTheEnvironmentWins() {
        PostgresServer server = resolver(
                Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://db.internal:5433/ci?sslmode=disable",
                        "CRM_TEST_DATABASE_USER", "ci", "CRM_TEST_DATABASE_PASSWORD", "pw"), Map.of()).resolve();

        assertThat(server.jdbcUrl("crm_test_1")).isEqualTo("jdbc:postgresql://db.internal:5433/crm_test_1?sslmode=disable");
        assertThat(server.superuser()).isEqualTo("ci");
        assertThat(server.superuserPassword()).isEqualTo("pw");
        assertThat(server.adminDatabase()).isEqualTo("ci");
        assertThat(server.disposable()).isFalse();
        assertThat(server.describe()).doesNotContain("pw");
    }

    @Test
    void theUserDefaultsToPostgresAndTheDatabaseToPostgres() {
        PostgresServer server = resolver(Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://localhost:5432/"), Map.of())
                .resolve();

        assertThat(server.superuser()).isEqualTo("postgres");
        assertThat(server.superuserPassword()).isNull();
        assertThat(server.adminDatabase()).isEqualTo("postgres");
        assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://localhost:5432/x");
    }

    @Test
    void credentialsInTheUrlAreTakenOutSoTheyCannotOverrideTheTestRoles() {
        PostgresServer server = resolver(Map.of("CRM_TEST_DATABASE_URL",
                "jdbc:postgresql://h1:5432,h2:5432/admin?user=root&password=s%26cret&ssl=true"), Map.of()).resolve();

        assertThat(server.superuser()).isEqualTo("root");
        assertThat(server.superuserPassword()).isEqualTo("s&cret");
        assertThat(server.jdbcUrl("crm_test_1")).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/crm_test_1?ssl=true");

        PostgresServer explicit = resolver(Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://h/admin?user=root",
                "CRM_TEST_DATABASE_USER", "ci"), Map.of()).resolve();
        assertThat(explicit.superuser()).isEqualTo("ci");
        assertThat(explicit.jdbcUrl("d")).isEqualTo("jdbc:postgresql://h/d");
    }

    @Test
    void systemPropertiesOverrideTheEnvironment() {
        PostgresServer server = resolver(Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://env:1/x", "CRM_TEST_DATABASE_USER", "a"),
                Map.of("crm.test.database.url", "jdbc:postgresql://prop:2/y", "crm.test.database.user", "b",
                        "crm.test.database.password", "c")).resolve();

        assertThat(server.jdbcUrl("z")).isEqualTo("jdbc:postgresql://prop:2/z");
        assertThat(server.superuser()).isEqualTo("b");
        assertThat(server.superuserPassword()).isEqualTo("c");
    }

    @Test
    void withoutAUrlTheEmbeddedServerIsUsedAndTestcontainersIsNotTried() {
        PostgresServer embedded = ExternalServer.parse("jdbc:postgresql://embedded:1/postgres", null, null);
        AtomicInteger containers = new AtomicInteger();
        PostgresServer server = new ServerResolver(Map.of(), Map.of(), () -> embedded, () -> {
            containers.incrementAndGet();
            return null;
        }).resolve();

        assertThat(server).isSameAs(embedded);
        assertThat(containers).hasValue(0);
    }

    @Test
    void aRouteCanBeForced() {
        PostgresServer embedded = ExternalServer.parse("jdbc:postgresql://embedded:1/postgres", null, null);
        PostgresServer container = ExternalServer.parse("jdbc:postgresql://container:1/postgres", null, null);
        Map<String, String> url = Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://given:1/postgres");

        assertThat(new ServerResolver(url, Map.of("crm.test.database", "embedded"), () -> embedded, () -> container)
                .resolve()).isSameAs(embedded);
        assertThat(new ServerResolver(url, Map.of("crm.test.database", "testcontainers"), () -> embedded, () -> container)
                .resolve()).isSameAs(container);
        assertThat(new ServerResolver(Map.of("CRM_TEST_DATABASE", "TestContainers"), Map.of(), () -> embedded,
                () -> container).resolve()).isSameAs(container);
        assertThat(new ServerResolver(url, Map.of("crm.test.database", "url"), () -> embedded, () -> container)
                .resolve().jdbcUrl("d")).isEqualTo("jdbc:postgresql://given:1/d");
    }

    @Test
    void aBadUrlFailsWithOneMessageSayingWhatToSet() {
        assertThatThrownBy(() -> resolver(Map.of("CRM_TEST_DATABASE_URL", "postgres://ci:secret@db/nope"), Map.of()).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRM_TEST_DATABASE_URL is not usable")
                .hasMessageContaining("jdbc:postgresql://host:port/database")
                .hasMessageContaining("CRM_TEST_DATABASE_USER")
                .hasMessageContaining("CREATE DATABASE and CREATE ROLE");
    }

    @Test
    void aBadUrlNeverEchoesItsParameters() {
        assertThatThrownBy(() -> resolver(Map.of("CRM_TEST_DATABASE_URL", "jdbc:mysql://db/x?password=hunter2"), Map.of())
                .resolve())
                .hasMessageContaining("CRM_TEST_DATABASE_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void forcingTheUrlRouteWithoutAUrlSaysWhatToSet() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of("crm.test.database", "url")).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRM_TEST_DATABASE_URL");
    }

    @Test
    void whenTheEmbeddedServerFailsTheMessageSaysWhyAndWhatToSet() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of()).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing embedded postgres binaries")
                .hasMessageContaining("CRM_TEST_DATABASE_URL")
                .hasMessageContaining("-Dcrm.test.database=testcontainers");
    }

    @Test
    void testcontainersFailuresAreExplained() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of("crm.test.database", "testcontainers")).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not find a valid Docker environment")
                .hasMessageContaining("postgres:16-alpine")
                .hasMessageContaining("Docker engine");
        assertThatThrownBy(() -> resolver(Map.of(), Map.of("crm.test.database", "mystery")).resolve())
                .hasMessageContaining("url, embedded or testcontainers");
    }
}
