package dev.lovedcrm.crm.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ServerResolverTest {

    private static final Supplier<PostgresServer> NO_EMBEDDED = () -> {
        throw new IllegalStateException("no binaries for this platform");
    };
    private static final Supplier<PostgresServer> NO_DOCKER = () -> {
        throw new IllegalStateException("Could not find a valid Docker environment");
    };

    @Test
    void aUrlFromTheEnvironmentWins() {
        PostgresServer server = new ServerResolver(
                Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://db.internal:5433/ci?sslmode=disable",
                        "CRM_TEST_DATABASE_USER", "ci", "CRM_TEST_DATABASE_PASSWORD", "pw"),
                Map.of(), NO_EMBEDDED, NO_DOCKER).resolve();

        assertThat(server.jdbcUrl("crm_test_1")).isEqualTo("jdbc:postgresql://db.internal:5433/crm_test_1?sslmode=disable");
        assertThat(server.superuser()).isEqualTo("ci");
        assertThat(server.adminDatabase()).isEqualTo("ci");
        assertThat(server.disposable()).isFalse();
    }

    @Test
    void aSystemPropertyOverridesTheEnvironment() {
        PostgresServer server = new ServerResolver(Map.of("CRM_TEST_DATABASE_URL", "jdbc:postgresql://env:1/x"),
                Map.of("crm.test.database.url", "jdbc:postgresql://prop:2/y"), NO_EMBEDDED, NO_DOCKER).resolve();

        assertThat(server.jdbcUrl("z")).isEqualTo("jdbc:postgresql://prop:2/z");
    }

    @Test
    void aBadUrlFailsWithOneMessageSayingWhatToSet() {
        assertThatThrownBy(() -> new ServerResolver(Map.of("CRM_TEST_DATABASE_URL", "postgres://nope"), Map.of(),
                NO_EMBEDDED, NO_DOCKER).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRM_TEST_DATABASE_URL")
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void whenNothingWorksTheMessageSaysWhatToSet() {
        assertThatThrownBy(() -> new ServerResolver(Map.of(), Map.of(), NO_EMBEDDED, NO_DOCKER).resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no binaries for this platform")
                .hasMessageContaining("CRM_TEST_DATABASE_URL")
                .hasMessageContaining("-Dcrm.test.database=testcontainers");
    }

    @Test
    void testcontainersOnlyOnRequestAndExplainedWhenDockerIsMissing() {
        assertThatThrownBy(() -> new ServerResolver(Map.of(), Map.of("crm.test.database", "testcontainers"),
                NO_EMBEDDED, NO_DOCKER).resolve())
                .hasMessageContaining("Docker")
                .hasMessageContaining("testcontainers");
        assertThatThrownBy(() -> new ServerResolver(Map.of(), Map.of("crm.test.database", "mystery"),
                NO_EMBEDDED, NO_DOCKER).resolve())
                .hasMessageContaining("url, embedded or testcontainers");
    }
}
