package dev.lovedcrm.crm.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.lovedcrm.crm.jdbi.internal.preference.JdbiPreferencesRepository;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Kill Bill's CHECK_TENANT, as a test: every SQL statement in crm-jdbi that touches a tenant-owned
 * table must filter (or insert) by {@code organization_id}, unless it is marked {@link CrossTenant}.
 * Tenant-owned tables are read from the migrations: those created with {@code organization_id ... NOT NULL}.
 * A statement is read where JDBI reads it: the annotation, or the {@code .sql} file of a method marked
 * {@link UseClasspathSqlLocator} (comments removed, so a comment cannot pass for a filter).
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

    private static final Path SQL_FILES = Path.of("src/main/resources");

    @Test
    void everyTenantTableStatementFiltersByTheTenant() throws IOException {
        Lint lint = lint(RepositoryRegistry.implementations().values(), TenantFilterLintTest::sqlOf);
        assertThat(lint.checked()).as("statements checked").isPositive();
        assertThat(lint.offenders()).as("statements on tenant tables without an organization_id filter").isEmpty();
    }

    @Test
    void everySqlFileIsTheStatementOfARepositoryMethod() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Class<?> repository : RepositoryRegistry.implementations().values()) {
            for (Method method : repository.getMethods()) {
                if (fromFile(method)) {
                    used.add(resourceOf(method));
                }
            }
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(SQL_FILES.resolve("dev"))) {
            paths.filter(f -> f.toString().endsWith(".sql"))
                    .forEach(f -> files.add(SQL_FILES.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(used).as("statements read from .sql files").isNotEmpty();
        assertThat(files).as(".sql files no repository method reads (so the lint never sees them)")
                .containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void readsStatementsFromSqlFiles() throws Exception {
        Method save = JdbiPreferencesRepository.class.getMethod("save", dev.lovedcrm.crm.id.OrganizationId.class,
                java.util.UUID.class, dev.lovedcrm.crm.id.UserId.class, dev.lovedcrm.crm.preference.Preferences.class);
        assertThat(sqlOf(save)).contains("INSERT INTO crm.user_preferences").doesNotContain("--");
    }

    /** Self-test: the lint fails a tenant-table statement without the filter, wherever the SQL comes from. */
    @Test
    void flagsATenantStatementWithoutTheFilter() throws IOException {
        Lint inline = lint(List.of(Leaky.class), TenantFilterLintTest::sqlOf);
        assertThat(inline.offenders()).containsExactlyInAnyOrder(
                "Leaky.unfiltered touches crm.leads", "Leaky.filterOnlyInComment touches crm.leads");
        assertThat(inline.checked()).isEqualTo(3);

        Lint fromFile = lint(List.of(JdbiPreferencesRepository.class),
                method -> fromFile(method) ? "SELECT theme FROM crm.user_preferences WHERE user_id = :userId" : sqlOf(method));
        assertThat(fromFile.offenders()).contains("JdbiPreferencesRepository.save touches crm.user_preferences");
    }

    private record Lint(int checked, List<String> offenders) {
    }

    private static Lint lint(Collection<Class<?>> repositories, Function<Method, String> sqlOf) throws IOException {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("leads", "organization_members", "organization_invites");

        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (Class<?> repository : repositories) {
            for (Method method : repository.getMethods()) {
                String sql = sqlOf.apply(method);
                if (sql == null || method.isAnnotationPresent(CrossTenant.class)) {
                    continue;
                }
                sql = withoutComments(sql);
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
        return new Lint(checked, offenders);
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
        String value = annotatedSql(method);
        if (value == null || !fromFile(method)) {
            return value;
        }
        return ClasspathSqlLocator.removingComments().locate(method.getDeclaringClass(), value.isEmpty() ? method.getName() : value);
    }

    private static String annotatedSql(Method method) {
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

    private static boolean fromFile(Method method) {
        return annotatedSql(method) != null && (method.isAnnotationPresent(UseClasspathSqlLocator.class)
                || method.getDeclaringClass().isAnnotationPresent(UseClasspathSqlLocator.class));
    }

    /** Where JDBI's classpath locator finds the statement of a method: {@code <class path>/<name>.sql}. */
    private static String resourceOf(Method method) {
        String value = annotatedSql(method);
        return method.getDeclaringClass().getName().replace('.', '/') + "/"
                + (value.isEmpty() ? method.getName() : value) + ".sql";
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
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

    /** Statements for the self-test. */
    interface Leaky {

        @SqlQuery("SELECT id FROM crm.leads WHERE id = :id")
        List<Object> unfiltered();

        @SqlQuery("SELECT id FROM crm.leads WHERE id = :id -- organization_id = :organizationId")
        List<Object> filterOnlyInComment();

        @SqlQuery("SELECT id FROM crm.leads WHERE organization_id = :organizationId AND id = :id")
        List<Object> filtered();
    }
}
