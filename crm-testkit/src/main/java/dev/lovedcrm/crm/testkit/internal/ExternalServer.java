package dev.lovedcrm.crm.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server the developer or CI already runs, named by a JDBC URL. */
final class ExternalServer implements PostgresServer {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");

    private final String hostAndPort;
    private final String database;
    private final String parameters;
    private final String user;
    private final String password;

    private ExternalServer(String hostAndPort, String database, String parameters, String user, String password) {
        this.hostAndPort = hostAndPort;
        this.database = database;
        this.parameters = parameters;
        this.user = user;
        this.password = password;
    }

    static ExternalServer parse(String url, String user, String password) {
        Matcher matcher = URL.matcher(url.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        String database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        return new ExternalServer(matcher.group(1), database, matcher.group(3) == null ? "" : matcher.group(3), user, password);
    }

    @Override
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + hostAndPort + "/" + db + parameters;
    }

    @Override
    public String superuser() {
        return user;
    }

    @Override
    public String superuserPassword() {
        return password;
    }

    @Override
    public String adminDatabase() {
        return database;
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + hostAndPort + " (CRM_TEST_DATABASE_URL)";
    }

    @Override
    public boolean disposable() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
