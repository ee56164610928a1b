package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.id.OrganizationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tenant-owned tables as the catalog lists them, and a fingerprint of one organization's rows
 * in every one of them, read as the schema owner (outside row-level security). Nothing here is a
 * hand-written list of tables: a table a later migration adds with a {@code NOT NULL organization_id}
 * is fingerprinted without anyone touching this class.
 */
public final class TenantTables {

    /**
     * Every ordinary table in schema {@code crm} with a {@code NOT NULL organization_id} column, with
     * the columns of its primary key in key order (empty when it has none).
     */
    static final String CATALOG = """
            SELECT c.relname,
                   coalesce((SELECT string_agg('t.' || quote_ident(ka.attname), ', ' ORDER BY k.ord)
                               FROM pg_constraint pk
                               CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
                               JOIN pg_attribute ka ON ka.attrelid = pk.conrelid AND ka.attnum = k.attnum
                              WHERE pk.conrelid = c.oid AND pk.contype = 'p'), '') AS key_columns
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
             WHERE n.nspname = 'crm' AND c.relkind IN ('r', 'p') AND a.attnotnull
             ORDER BY c.relname""";

    private final DataSource owner;
    /** Table name to its primary-key columns as an ORDER BY list over alias t, in name order. */
    private final Map<String, String> tables;
    private final String fingerprintSql;

    private TenantTables(DataSource owner, Map<String, String> tables) {
        this.owner = owner;
        this.tables = tables;
        List<String> branches = new ArrayList<>();
        // The organization's own row: the tenant root has no organization_id, its id is the tenant.
        branches.add("SELECT 'organizations' AS table_name, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))"
                + " FROM crm.organizations t WHERE t.id = ?");
        tables.forEach((table, keyColumns) -> {
            String order = keyColumns.isEmpty() ? "t::text" : keyColumns;
            branches.add("SELECT " + literal(table) + ", md5(coalesce(string_agg(t::text, '|' ORDER BY " + order + "), ''))"
                    + " FROM crm." + identifier(table) + " t WHERE t.organization_id = ?");
        });
        this.fingerprintSql = String.join("\nUNION ALL\n", branches);
    }

    /**
     * Reads the tenant tables from the catalog.
     *
     * @param owner connections as the schema owner
     * @return the tables
     * @throws SQLException when the catalog cannot be read
     */
    public static TenantTables read(DataSource owner) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection c = owner.getConnection(); PreparedStatement s = c.prepareStatement(CATALOG);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2));
            }
        }
        return new TenantTables(owner, tables);
    }

    /**
     * The tenant tables' names.
     *
     * @return every table with a {@code NOT NULL organization_id}, by name
     */
    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    /**
     * The primary-key columns a table's rows are ordered by in its fingerprint.
     *
     * @param table a tenant table
     * @return the columns as an {@code ORDER BY} list over alias {@code t}; empty when the table has no primary key (rows are then ordered by their text)
     */
    public String orderOf(String table) {
        return tables.get(table);
    }

    /**
     * One digest per table (plus {@code organizations}) of every row the organization owns, each
     * the md5 of its rows as text, ordered by primary key.
     *
     * @param organization the organization
     * @return table name to digest, {@code organizations} first, then the tenant tables by name
     * @throws SQLException when a table cannot be read
     */
    public Map<String, String> fingerprint(OrganizationId organization) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection c = owner.getConnection(); PreparedStatement s = c.prepareStatement(fingerprintSql)) {
            for (int i = 1; i <= tables.size() + 1; i++) {
                s.setObject(i, organization.value());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return digests;
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String name) {
        return "'" + name.replace("'", "''") + "'";
    }
}
