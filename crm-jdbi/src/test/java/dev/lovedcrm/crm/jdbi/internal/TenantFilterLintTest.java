package dev.lovedcrm.crm.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Kill Bill's CHECK_TENANT, as a test: every SQL statement in crm-jdbi that touches a tenant-owned
 * table must filter (or insert) by {@code organization_id}, unless it is marked {@link CrossTenant}.
 * Tenant-owned tables are read from the migrations: those created with {@code organization_id ... NOT NULL}.
 */
class TenantFilterLintTest {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE TABLE (?:IF NOT EXISTS )?crm\\.(\\w+)\\s*\\((.*?)\\n\\);", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_COLUMN = Pattern.compile(
            "^\\s*organization_id\\s+UUID\\s+NOT NULL", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_FILTER = Pattern.compile(
            "organization_id\\s*(=|IN\\b)|INSERT INTO crm\\.\\w+\\s*\\([^)]*\\borganization_id\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANIZATION_ROW_FILTER = Pattern.compile(
            "\\bid\\s*=\\s*:|INSERT INTO crm\\.organizations", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTenantTableStatementFiltersByTheTenant() throws IOException {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("leads", "organization_members", "organization_invites");

        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (Class<?> repository : RepositoryRegistry.implementations().values()) {
            for (Method method : repository.getMethods()) {
                String sql = sqlOf(method);
                if (sql == null || method.isAnnotationPresent(CrossTenant.class)) {
                    continue;
                }
                checked++;
                for (String table : tablesIn(sql)) {
                    boolean filtered = table.equals("organizations")
                            ? ORGANIZATION_ROW_FILTER.matcher(sql).find()
                            : !tenantTables.contains(table) || TENANT_FILTER.matcher(sql).find();
                    if (!filtered) {
                        offenders.add(repository.getSimpleName() + "." + method.getName() + " touches crm." + table);
                    }
                }
            }
        }
        assertThat(checked).as("statements checked").isPositive();
        assertThat(offenders).as("statements on tenant tables without an organization_id filter").isEmpty();
    }

    @Test
    void everyCrossTenantStatementSaysWhy() {
        for (Class<?> repository : RepositoryRegistry.implementations().values()) {
            for (Method method : repository.getMethods()) {
                CrossTenant crossTenant = method.getAnnotation(CrossTenant.class);
                if (crossTenant != null) {
                    assertThat(crossTenant.value()).as(method.toString()).isNotBlank();
                }
            }
        }
    }

    private static String sqlOf(Method method) {
        if (method.isAnnotationPresent(SqlQuery.class)) {
            return method.getAnnotation(SqlQuery.class).value();
        }
        if (method.isAnnotationPresent(SqlUpdate.class)) {
            return method.getAnnotation(SqlUpdate.class).value();
        }
        if (method.isAnnotationPresent(SqlBatch.class)) {
            return method.getAnnotation(SqlBatch.class).value();
        }
        return null;
    }

    private static Set<String> tablesIn(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher matcher = Pattern.compile("crm\\.(\\w+)").matcher(sql);
        while (matcher.find()) {
            tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static Set<String> tenantTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Path migrations = Path.of("src/main/resources/db/migration/crm");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (table.find()) {
                    if (TENANT_COLUMN.matcher(table.group(2)).find()) {
                        tables.add(table.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }
}
