package dev.lovedcrm.crm.testkit.internal;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL 16 in a container, through Testcontainers (an optional dependency: this class is
 * loaded only when that route is asked for).
 */
final class ContainerServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
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
        return "Testcontainers PostgreSQL " + container.getDockerImageName();
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
