package dev.lovedcrm.crm.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads for assertions that look at the database directly. */
public final class Sql {

    private Sql() {
    }

    /** The first column of every row, as text. */
    public static List<String> strings(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** The single value of a one-row, one-column query, as text. */
    public static String string(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        List<String> rows = strings(dataSource, sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** The single number of a one-row, one-column query, such as a count. */
    public static long number(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(string(dataSource, sql, parameters));
    }

    /**
     * Every row of each table of schema {@code crm}, as text, in a stable order: compare two snapshots to show
     * that a call wrote nothing. Read it with the owner's data source, past row-level security.
     */
    public static List<String> snapshot(DataSource owner, String... tables) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            rows.add(table + ": " + string(owner,
                    "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM crm." + table + " t"));
        }
        return rows;
    }
}
