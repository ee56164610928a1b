package dev.lovedcrm.crm.testkit.internal;

/** A running PostgreSQL server the testkit may create roles and databases on. */
public interface PostgresServer extends AutoCloseable {

    /** A JDBC URL for one database of this server. */
    String jdbcUrl(String database);

    /** A role that may create roles and databases. */
    String superuser();

    /** Its password, or {@code null} when the server trusts local connections. */
    String superuserPassword();

    /** The database to connect to for administration. */
    String adminDatabase();

    /** Where the server came from, for messages. */
    String describe();

    /** Whether closing the server removes all its data (so dropping databases first is not needed). */
    boolean disposable();

    @Override
    void close();
}
