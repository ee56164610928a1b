package dev.lovedcrm.crm.testkit.internal;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 16 in a container, through Testcontainers. Testcontainers is an optional dependency:
 * {@link ServerResolver} loads this class by name, and only when that route is asked for.
 */
final class ContainerServer implements PostgresServer {

    static final String IMAGE = ServerResolver.CONTAINER_IMAGE;

    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    /**
     * Starts the container; called reflectively by {@link ServerResolver}.
     *
     * @return the running server
     */
    static PostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String superuser() {
        return container.getUsername();
    }

    @Override
    public String superuserPassword() {
        return container.getPassword();
    }

    @Override
    public String adminDatabase() {
        return container.getDatabaseName();
    }

    @Override
    public String describe() {
        return "Testcontainers " + IMAGE + " on port " + container.getMappedPort(5432);
    }

    @Override
    public boolean disposable() {
        return true;
    }

    @Override
    public void close() {
        container.stop();
    }
}
