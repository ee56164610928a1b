package dev.lovedcrm.crm.testkit.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Picks the test server: a JDBC URL from {@code CRM_TEST_DATABASE_URL} (or the system property
 * {@code crm.test.database.url}); else an embedded PostgreSQL 16; else, only on request
 * ({@code crm.test.database=testcontainers}), Testcontainers. {@code crm.test.database=url|embedded}
 * forces a route. When nothing works it fails with one message that says what to set.
 */
public final class ServerResolver {

    static final String URL_ENV = "CRM_TEST_DATABASE_URL";
    static final String USER_ENV = "CRM_TEST_DATABASE_USER";
    static final String PASSWORD_ENV = "CRM_TEST_DATABASE_PASSWORD";
    static final String ROUTE_ENV = "CRM_TEST_DATABASE";

    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final Supplier<PostgresServer> embedded;
    private final Supplier<PostgresServer> containers;

    ServerResolver(Map<String, String> environment, Map<String, String> properties,
            Supplier<PostgresServer> embedded, Supplier<PostgresServer> containers) {
        this.environment = environment;
        this.properties = properties;
        this.embedded = embedded;
        this.containers = containers;
    }

    /** The resolver over the real environment and system properties. */
    public static ServerResolver system() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        // A lambda, not a method reference: Testcontainers is optional and must be loaded only when asked for.
        return new ServerResolver(System.getenv(), properties, ServerResolver::startEmbedded, () -> ContainerServer.start());
    }

    public PostgresServer resolve() {
        String route = setting("crm.test.database", ROUTE_ENV);
        route = route == null ? "" : route.trim().toLowerCase(Locale.ROOT);
        String url = setting("crm.test.database.url", URL_ENV);
        switch (route) {
            case "", "auto" -> {
                if (url != null && !url.isBlank()) {
                    return external(url);
                }
                return embeddedOrExplain();
            }
            case "url" -> {
                if (url == null || url.isBlank()) {
                    throw new IllegalStateException(
                            "crm.test.database=url but no URL given: set " + URL_ENV + "=jdbc:postgresql://host:port/database");
                }
                return external(url);
            }
            case "embedded" -> {
                return embeddedOrExplain();
            }
            case "testcontainers" -> {
                try {
                    return containers.get();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("crm.test.database=testcontainers, but Testcontainers could not start "
                            + "PostgreSQL 16 (is a Docker engine running, and org.testcontainers:testcontainers-postgresql "
                            + "on the test classpath?): " + e, e);
                }
            }
            default -> throw new IllegalStateException(
                    "crm.test.database=" + route + " is not a route: use url, embedded or testcontainers");
        }
    }

    private PostgresServer external(String url) {
        String user = setting("crm.test.database.user", USER_ENV);
        String password = setting("crm.test.database.password", PASSWORD_ENV);
        try {
            return ExternalServer.parse(url, user == null ? "postgres" : user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(URL_ENV + " is not usable: " + e.getMessage()
                    + ". Set it to jdbc:postgresql://host:port/database of a server whose user (" + USER_ENV
                    + ", default postgres) may CREATE DATABASE and CREATE ROLE, or unset it to use an embedded PostgreSQL.", e);
        }
    }

    private PostgresServer embeddedOrExplain() {
        try {
            return embedded.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("No PostgreSQL for the tests. The embedded PostgreSQL 16 did not start (" + e
                    + "). Either set " + URL_ENV + "=jdbc:postgresql://host:port/database (with " + USER_ENV + "/"
                    + PASSWORD_ENV + " for a user that may CREATE DATABASE and CREATE ROLE), or run with "
                    + "-Dcrm.test.database=testcontainers where a Docker engine answers.", e);
        }
    }

    private String setting(String property, String env) {
        String value = properties.get(property);
        return value != null ? value : environment.get(env);
    }

    private static PostgresServer startEmbedded() {
        try {
            return EmbeddedServer.start();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
