package dev.lovedcrm.crm.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the developer or CI already runs, named by a JDBC URL. The testkit only creates (and
 * later drops) databases and the two roles on it; it never stops it.
 */
final class ExternalServer implements PostgresServer {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)(?:/([^?]*))?(\\?.*)?");

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

    /**
     * Parses {@code jdbc:postgresql://host[:port][,host2[:port]]/[database][?parameters]}. A
     * {@code user} or {@code password} parameter in the URL is taken out (URL parameters would
     * override the role the testkit connects as) and used when {@code user} / {@code password}
     * are not given.
     */
    static ExternalServer parse(String url, String user, String password) {
        Matcher matcher = URL.matcher(url.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + redact(url));
        }
        String database = matcher.group(2) == null || matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        String urlUser = null;
        String urlPassword = null;
        List<String> kept = new ArrayList<>();
        String query = matcher.group(3) == null ? "" : matcher.group(3).substring(1);
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "user" -> urlUser = value;
                case "password" -> urlPassword = value;
                default -> kept.add(parameter);
            }
        }
        String parameters = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        String effectiveUser = user != null ? user : urlUser != null ? urlUser : "postgres";
        String effectivePassword = password != null ? password : urlPassword;
        return new ExternalServer(matcher.group(1), database, parameters, effectiveUser, effectivePassword);
    }

    /** The URL without its parameters, which may hold a password. */
    static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
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
        return "PostgreSQL at " + hostAndPort + " (CRM_TEST_DATABASE_URL, user " + user + ")";
    }

    @Override
    public boolean disposable() {
        return false;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
