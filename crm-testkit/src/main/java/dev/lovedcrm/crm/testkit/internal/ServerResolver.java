package dev.lovedcrm.crm.testkit.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Picks the test server, each setting read from a system property first and the environment second:
 * <ol>
 *   <li>a JDBC URL from {@code crm.test.database.url} / {@code CRM_TEST_DATABASE_URL} (user and
 *       password from {@code crm.test.database.user} / {@code CRM_TEST_DATABASE_USER} and
 *       {@code crm.test.database.password} / {@code CRM_TEST_DATABASE_PASSWORD}, user default
 *       {@code postgres});</li>
 *   <li>else an embedded PostgreSQL 16;</li>
 *   <li>Testcontainers only on request ({@code crm.test.database=testcontainers} /
 *       {@code CRM_TEST_DATABASE=testcontainers}).</li>
 * </ol>
 * {@code crm.test.database=url|embedded} forces a route. When the chosen route fails it throws one
 * {@link IllegalStateException} whose message says what to set.
 */
public final class ServerResolver {

    static final String ROUTE_PROPERTY = "crm.test.database";
    static final String ROUTE_ENV = "CRM_TEST_DATABASE";
    static final String URL_PROPERTY = "crm.test.database.url";
    static final String URL_ENV = "CRM_TEST_DATABASE_URL";
    static final String USER_PROPERTY = "crm.test.database.user";
    static final String USER_ENV = "CRM_TEST_DATABASE_USER";
    static final String PASSWORD_PROPERTY = "crm.test.database.password";
    static final String PASSWORD_ENV = "CRM_TEST_DATABASE_PASSWORD";
    static final String CONTAINER_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";
    static final String CONTAINER_IMAGE = "postgres:16-alpine";

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

    /**
     * The resolver over the real environment and system properties.
     *
     * @return the resolver
     */
    public static ServerResolver system() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        Map<String, String> environment = System.getenv();
        String embeddedDir = properties.getOrDefault(EmbeddedServer.DIR_PROPERTY, environment.get(EmbeddedServer.DIR_ENV));
        return new ServerResolver(environment, properties, () -> startEmbedded(embeddedDir), ServerResolver::startContainer);
    }

    /**
     * Resolves and, for the embedded and container routes, starts the server.
     *
     * @return the server
     * @throws IllegalStateException saying what to set when the route fails
     */
    public PostgresServer resolve() {
        String route = setting(ROUTE_PROPERTY, ROUTE_ENV);
        route = route == null ? "" : route.trim().toLowerCase(Locale.ROOT);
        String url = setting(URL_PROPERTY, URL_ENV);
        boolean hasUrl = url != null && !url.isBlank();
        switch (route) {
            case "", "auto" -> {
                return hasUrl ? external(url) : embeddedOrExplain();
            }
            case "url" -> {
                if (!hasUrl) {
                    throw new IllegalStateException(ROUTE_PROPERTY + "=url but no URL is given: set " + URL_ENV
                            + " (or -D" + URL_PROPERTY + ") to jdbc:postgresql://host:port/database");
                }
                return external(url);
            }
            case "embedded" -> {
                return embeddedOrExplain();
            }
            case "testcontainers" -> {
                return containerOrExplain();
            }
            default -> throw new IllegalStateException(ROUTE_PROPERTY + "=" + route
                    + " is not a route: use url, embedded or testcontainers (or leave it unset)");
        }
    }

    private PostgresServer external(String url) {
        String user = setting(USER_PROPERTY, USER_ENV);
        String password = setting(PASSWORD_PROPERTY, PASSWORD_ENV);
        try {
            return ExternalServer.parse(url, user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(URL_ENV + " is not usable: " + e.getMessage() + ". Set it to "
                    + "jdbc:postgresql://host:port/database of a server whose user (" + USER_ENV + ", default postgres; "
                    + "password in " + PASSWORD_ENV + ") may CREATE DATABASE and CREATE ROLE, or unset it to use an "
                    + "embedded PostgreSQL 16.", e);
        }
    }

    private PostgresServer embeddedOrExplain() {
        try {
            return embedded.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("No PostgreSQL for the tests: the embedded PostgreSQL 16 did not start ("
                    + describe(e) + "). Either set " + URL_ENV + "=jdbc:postgresql://host:port/database (with "
                    + USER_ENV + "/" + PASSWORD_ENV + " for a user that may CREATE DATABASE and CREATE ROLE), or run "
                    + "with -D" + ROUTE_PROPERTY + "=testcontainers (or " + ROUTE_ENV + "=testcontainers) where a Docker "
                    + "engine answers and org.testcontainers:testcontainers-postgresql is on the test classpath.", e);
        }
    }

    private PostgresServer containerOrExplain() {
        try {
            return containers.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(ROUTE_PROPERTY + "=testcontainers, but Testcontainers could not start "
                    + CONTAINER_IMAGE + " (" + describe(e) + "). It needs a Docker engine that answers and "
                    + "org.testcontainers:testcontainers-postgresql on the test classpath; or unset " + ROUTE_PROPERTY
                    + " to use an embedded PostgreSQL 16, or set " + URL_ENV + ".", e);
        }
    }

    private String setting(String property, String env) {
        String value = properties.get(property);
        return value != null ? value : environment.get(env);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder(String.valueOf(e));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    /** Starts an embedded server with the data directory set by system property or environment. */
    static PostgresServer startEmbedded() {
        return startEmbedded(System.getProperty(EmbeddedServer.DIR_PROPERTY, System.getenv(EmbeddedServer.DIR_ENV)));
    }

    static PostgresServer startEmbedded(String dataParent) {
        try {
            return EmbeddedServer.start(dataParent);
        } catch (IOException e) {
            throw new IllegalStateException(String.valueOf(e), e);
        }
    }

    /** Testcontainers is optional: look for it by name, then load {@link ContainerServer} reflectively. */
    static PostgresServer startContainer() {
        ClassLoader loader = ServerResolver.class.getClassLoader();
        try {
            Class.forName(CONTAINER_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Testcontainers is not on the test classpath: add the test dependency "
                    + "org.testcontainers:testcontainers-postgresql (2.x)", e);
        }
        try {
            Class<?> server = Class.forName(ServerResolver.class.getPackageName() + ".ContainerServer", true, loader);
            var start = server.getDeclaredMethod("start");
            start.setAccessible(true);
            return (PostgresServer) start.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(String.valueOf(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not load the Testcontainers route: " + e, e);
        }
    }
}
