package dev.lovedcrm.crm.testkit.internal;

/** A running PostgreSQL server the testkit may create roles and databases on. */
public interface PostgresServer extends AutoCloseable {

    /**
     * A JDBC URL for one database of this server, without credentials.
     *
     * @param database the database
     * @return the URL
     */
    String jdbcUrl(String database);

    /**
     * A user that may create roles and databases (the superuser, unless an external server was
     * given with a less privileged one).
     *
     * @return the user
     */
    String superuser();

    /**
     * The administrative user's password.
     *
     * @return the password, or {@code null} when the server trusts local connections
     */
    String superuserPassword();

    /**
     * The database to connect to for administration.
     *
     * @return its name
     */
    String adminDatabase();

    /**
     * Where the server came from, for messages; never a password.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether closing the server removes all its data (so dropping databases first is not needed).
     *
     * @return {@code true} for servers the testkit started
     */
    boolean disposable();

    /** Stops a server the testkit started; does nothing for an external one. */
    @Override
    void close();
}
