package dev.lovedcrm.crm.it.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.internal.SqlErrors;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every unique constraint and unique index has a documented error code: the catalog is read, and each
 * name must give a code by the naming rule of {@link SqlErrors#uniqueViolationCode(String)} or be one
 * of its {@linkplain SqlErrors#DOCUMENTED_EXCEPTIONS documented exceptions}. A migration that adds a
 * unique key under another name fails here before a caller ever sees {@code database.unique_violation}.
 */
@CrmDatabaseTest
class ConstraintErrorCodesIT {

    /** Unique indexes (those of unique and primary-key constraints included) of tables in schema crm. */
    private static final String UNIQUES = """
            SELECT i.relname || '|' || t.relname || '|' || EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = t.oid AND a.attname = 'organization_id' AND a.attnotnull AND NOT a.attisdropped)
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'crm' AND x.indisunique AND t.relname <> 'flyway_schema_history'
             ORDER BY 1""";

    @Test
    void everyUniqueKeyOfATenantTableHasADocumentedCode(CrmTestDatabase db) throws SQLException {
        Map<String, String> tenantUniques = uniques(db, true);

        assertThat(tenantUniques).isNotEmpty().containsKeys("uq_organization_members_org_user",
                "uq_organization_invites_pending_email", "idx_organization_invites_token", "pk_leads");
        assertThat(undocumented(tenantUniques)).as("unique keys without a documented error code (docs/schema.md)").isEmpty();
    }

    @Test
    void everyUniqueKeyOfTheOtherTablesHasADocumentedCodeToo(CrmTestDatabase db) throws SQLException {
        Map<String, String> globalUniques = uniques(db, false);

        assertThat(globalUniques).containsKeys("idx_users_email", "idx_organizations_slug", "uq_plans_slug");
        assertThat(undocumented(globalUniques)).as("unique keys without a documented error code (docs/schema.md)").isEmpty();
    }

    @Test
    void uniqueConstraintsOfTheCatalogAreAmongTheUniqueIndexes(CrmTestDatabase db) throws SQLException {
        // pg_constraint's unique and primary-key constraints each own an index of the same name, so the
        // index list above covers them; this keeps that assumption honest.
        List<String> constraints = Sql.strings(db.ownerDataSource(), """
                SELECT k.conname FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = 'crm' AND k.contype IN ('u', 'p') AND t.relname <> 'flyway_schema_history'""");
        Map<String, String> all = new LinkedHashMap<>(uniques(db, true));
        all.putAll(uniques(db, false));
        assertThat(constraints).isNotEmpty();
        assertThat(all.keySet()).containsAll(constraints);
    }

    @Test
    void theRuleKeepsTheCodesCallersAlreadyMatchOn() {
        assertThat(SqlErrors.uniqueViolationCode("idx_organizations_slug")).isEqualTo("organization.slug_taken");
        assertThat(SqlErrors.uniqueViolationCode("idx_users_email")).isEqualTo("user.email_taken");
        assertThat(SqlErrors.uniqueViolationCode("idx_users_google_id")).isEqualTo("user.google_account_taken");
        assertThat(SqlErrors.uniqueViolationCode("uq_organization_invites_pending_email")).isEqualTo("invite.already_pending");
        assertThat(SqlErrors.uniqueViolationCode("uq_organization_members_org_user")).isEqualTo("member.already_exists");
    }

    @Test
    void theRuleDerivesCodesFromNames() {
        assertThat(SqlErrors.uniqueViolationCode("pk_leads")).isEqualTo("lead.already_exists");
        assertThat(SqlErrors.uniqueViolationCode("uq_user_two_factor_user_org")).isEqualTo("two_factor.already_exists");
        assertThat(SqlErrors.uniqueViolationCode("uq_organization_subscriptions_org")).isEqualTo("subscription.already_exists");
        assertThat(SqlErrors.uniqueViolationCode("idx_api_keys_prefix")).isEqualTo("api_key.prefix_taken");
        assertThat(SqlErrors.uniqueViolationCode("idx_organization_invites_token")).isEqualTo("invite.token_taken");
        assertThat(SqlErrors.uniqueViolationCode("uq_plans_slug")).isEqualTo("plan.slug_taken");
        assertThat(SqlErrors.uniqueViolationCode("leads_name_key")).isEqualTo(SqlErrors.GENERIC_UNIQUE_CODE);
        assertThat(SqlErrors.uniqueViolationCode("uq_no_such_table_x")).isEqualTo(SqlErrors.GENERIC_UNIQUE_CODE);
        assertThat(SqlErrors.uniqueViolationCode("uq_leads")).isEqualTo(SqlErrors.GENERIC_UNIQUE_CODE);
        assertThat(SqlErrors.uniqueViolationCode(null)).isEqualTo(SqlErrors.GENERIC_UNIQUE_CODE);
    }

    /** Unique key name to "table → code" (or "table → none"), for tenant tables or the others. */
    private static Map<String, String> uniques(CrmTestDatabase db, boolean tenant) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String row : Sql.strings(db.ownerDataSource(), UNIQUES)) {
            String[] parts = row.split("\\|");
            if (Boolean.parseBoolean(parts[2]) == tenant) {
                result.put(parts[0], parts[1] + " -> " + SqlErrors.conventionalCode(parts[0]).orElse("none"));
            }
        }
        return result;
    }

    private static Map<String, String> undocumented(Map<String, String> uniques) {
        Map<String, String> result = new LinkedHashMap<>(uniques);
        result.values().removeIf(description -> !description.endsWith(" -> none"));
        return result;
    }
}
