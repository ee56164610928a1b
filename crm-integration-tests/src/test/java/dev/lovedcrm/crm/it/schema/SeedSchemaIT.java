package dev.lovedcrm.crm.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema holds every table, column (with a compatible type), enum type and named
 * index or constraint of seed/TABLES.md. The seed is written here as data, independent of the SQL.
 */
@CrmDatabaseTest
class SeedSchemaIT {

    /** table -> column -> seed type. */
    private static final Map<String, Map<String, String>> SEED = new LinkedHashMap<>();

    private static final List<String> SEED_INDEXES = List.of(
            "idx_users_email", "idx_users_google_id", "idx_users_created_at", "idx_users_password_reset_token",
            "idx_users_email_verification_token",
            "ix_user_two_factor_user_org", "ix_user_two_factor_organization_id", "ix_user_two_factor_enabled",
            "ix_user_preferences_user_id", "ix_user_preferences_organization_id", "ix_user_preferences_user_org",
            "ix_user_preferences_theme", "ix_user_preferences_language",
            "idx_user_sessions_user_id", "idx_user_sessions_session_token", "idx_user_sessions_expires_at",
            "idx_organizations_slug", "idx_organizations_owner_id", "idx_organizations_created_at",
            "idx_organization_members_org_id", "idx_organization_members_user_id", "idx_organization_members_role",
            "idx_organization_invites_org_id", "idx_organization_invites_email", "idx_organization_invites_token",
            "idx_organization_invites_status",
            "idx_leads_organization_id", "idx_leads_org_stage", "idx_leads_org_stage_updated", "idx_leads_org_assigned_user",
            "idx_leads_org_search", "idx_leads_org_source", "idx_leads_org_priority",
            "idx_communications_organization_id", "idx_communications_lead_id", "idx_communications_channel",
            "idx_communications_external_id", "idx_communications_sent_at", "idx_communications_created_at",
            "idx_message_templates_org_id", "idx_message_templates_category",
            "idx_ai_summaries_organization_id", "idx_ai_summaries_conversation_id", "idx_ai_summaries_lead_id",
            "idx_ai_summaries_created_at",
            "idx_organization_subscriptions_org_id", "idx_organization_subscriptions_plan_id",
            "idx_organization_subscriptions_stripe_subscription_id",
            "idx_api_keys_org_id", "idx_api_keys_prefix", "idx_webhooks_org_id", "idx_webhooks_active",
            "idx_background_jobs_status", "idx_background_jobs_org_id",
            "idx_calendar_events_org_id", "idx_calendar_events_lead_id", "idx_calendar_events_user_id",
            "idx_lead_activities_org_id", "idx_lead_activities_lead_id", "idx_lead_activities_type");

    private static final List<String> SEED_CONSTRAINTS = List.of("uq_user_two_factor_user_org", "uq_user_preferences_user_org");

    static {
        table("users", "id UUID, email VARCHAR(255), hashed_password TEXT, full_name VARCHAR(255), bio TEXT,"
                + " location VARCHAR(255), avatar_url TEXT, phone VARCHAR(20), timezone VARCHAR(50), language VARCHAR(10),"
                + " google_id VARCHAR(255), is_active BOOLEAN, is_verified BOOLEAN, is_superuser BOOLEAN,"
                + " password_reset_token VARCHAR(255), password_reset_expires TIMESTAMPTZ, email_verification_token VARCHAR(255),"
                + " email_verification_expires TIMESTAMPTZ, verified_at TIMESTAMPTZ, must_change_password BOOLEAN,"
                + " two_factor_secret VARCHAR(255), two_factor_enabled BOOLEAN, two_factor_backup_codes TEXT[],"
                + " last_login TIMESTAMPTZ, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("user_two_factor", "id UUID, user_id UUID, organization_id UUID, secret_key VARCHAR(32), backup_codes JSONB,"
                + " backup_codes_used JSONB, is_enabled BOOLEAN, confirmed_at TIMESTAMPTZ, last_used_at TIMESTAMPTZ,"
                + " created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("user_preferences", "id UUID, user_id UUID, organization_id UUID, theme VARCHAR(20), language VARCHAR(10),"
                + " timezone VARCHAR(50), date_format VARCHAR(20), time_format VARCHAR(10), email_notifications BOOLEAN,"
                + " push_notifications BOOLEAN, sms_notifications BOOLEAN, email_marketing BOOLEAN, email_product_updates BOOLEAN,"
                + " email_security_alerts BOOLEAN, email_billing_alerts BOOLEAN, email_team_activity BOOLEAN,"
                + " dashboard_layout VARCHAR(20), items_per_page VARCHAR(10), show_onboarding BOOLEAN, show_tips BOOLEAN,"
                + " profile_visibility VARCHAR(20), activity_status BOOLEAN, quiet_hours JSONB, custom_settings JSONB,"
                + " created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("user_sessions", "id UUID, user_id UUID, organization_id UUID, session_token VARCHAR(255),"
                + " refresh_token VARCHAR(255), ip_address INET, user_agent TEXT, device_info JSONB, is_active BOOLEAN,"
                + " expires_at TIMESTAMPTZ, last_activity_at TIMESTAMPTZ, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("schema_versions", "version INTEGER, applied_at TIMESTAMPTZ, description TEXT");
        table("organizations", "id UUID, name VARCHAR(255), slug VARCHAR(100), description TEXT, website VARCHAR(255),"
                + " logo_url TEXT, industry VARCHAR(100), company_size VARCHAR(50), owner_id UUID, is_active BOOLEAN,"
                + " is_verified BOOLEAN, subscription_status VARCHAR(50), trial_ends_at TIMESTAMPTZ, settings JSONB,"
                + " created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("organization_members", "id UUID, organization_id UUID, user_id UUID, role organization_role,"
                + " permissions JSONB, is_active BOOLEAN, joined_at TIMESTAMPTZ, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("organization_invites", "id UUID, organization_id UUID, invited_by_id UUID, email VARCHAR(255),"
                + " invited_name VARCHAR(100), role organization_role, status invite_status, message TEXT, token VARCHAR(255),"
                + " is_active BOOLEAN, metadata JSONB, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, expires_at TIMESTAMPTZ,"
                + " accepted_at TIMESTAMPTZ, responded_at TIMESTAMPTZ");
        table("leads", "id UUID, organization_id UUID, name VARCHAR(255), email VARCHAR(255), phone VARCHAR(50),"
                + " company VARCHAR(255), position VARCHAR(255), stage VARCHAR(50), source VARCHAR(100), priority lead_priority,"
                + " estimated_value DECIMAL(12,2), actual_value DECIMAL(15,2), is_closed BOOLEAN, is_won BOOLEAN,"
                + " is_favorite BOOLEAN, assigned_user_id UUID, last_contact_at TIMESTAMPTZ, last_contact_channel VARCHAR(20),"
                + " notes TEXT, tags TEXT[], lead_metadata JSONB, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ,"
                + " closed_at TIMESTAMPTZ");
        table("communications", "id UUID, organization_id UUID, lead_id UUID, channel VARCHAR(20), direction VARCHAR(10),"
                + " subject VARCHAR(500), content TEXT, comm_metadata JSONB, attachments JSONB, external_id VARCHAR(255),"
                + " status VARCHAR(20), sent_at TIMESTAMPTZ, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("message_templates", "id UUID, organization_id UUID, name VARCHAR(255), category VARCHAR(100), content TEXT,"
                + " variables JSONB, is_active BOOLEAN, usage_count INTEGER, created_by_id UUID, created_at TIMESTAMPTZ,"
                + " updated_at TIMESTAMPTZ");
        table("ai_summaries", "id UUID, organization_id UUID, conversation_id UUID, lead_id UUID, summary TEXT,"
                + " sentiment VARCHAR(20), next_actions TEXT[], confidence_score DECIMAL(3,2), model_used VARCHAR(50),"
                + " tokens_used INTEGER, created_at TIMESTAMPTZ");
        table("plans", "id UUID, name VARCHAR(100), slug VARCHAR(50), price_cents INTEGER, features JSONB,"
                + " is_active BOOLEAN, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("organization_subscriptions", "id UUID, organization_id UUID, plan_id UUID, stripe_subscription_id VARCHAR(255),"
                + " stripe_customer_id VARCHAR(255), status VARCHAR(50), is_active BOOLEAN, current_period_start TIMESTAMPTZ,"
                + " current_period_end TIMESTAMPTZ, is_trial BOOLEAN, trial_end TIMESTAMPTZ, created_at TIMESTAMPTZ,"
                + " updated_at TIMESTAMPTZ");
        table("api_keys", "id UUID, organization_id UUID, name VARCHAR(255), key_hash VARCHAR(255), prefix VARCHAR(20),"
                + " permissions JSONB, scopes JSONB, last_used_at TIMESTAMPTZ, usage_count INTEGER, rate_limit INTEGER,"
                + " is_active BOOLEAN, expires_at TIMESTAMPTZ, created_by_id UUID, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("webhooks", "id UUID, organization_id UUID, name VARCHAR(255), url VARCHAR(500), events JSONB,"
                + " secret VARCHAR(255), headers JSONB, is_active BOOLEAN, last_triggered_at TIMESTAMPTZ, success_count INTEGER,"
                + " failure_count INTEGER, created_by_id UUID, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("background_jobs", "id UUID, organization_id UUID, job_type VARCHAR(100), payload JSONB, status VARCHAR(50),"
                + " priority INTEGER, max_retries INTEGER, retry_count INTEGER, scheduled_at TIMESTAMPTZ, started_at TIMESTAMPTZ,"
                + " completed_at TIMESTAMPTZ, result JSONB, error_message TEXT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("seed_versions", "version INTEGER, environment VARCHAR(20), applied_at TIMESTAMPTZ, description TEXT");
        table("calendar_events", "id UUID, organization_id UUID, lead_id UUID, title VARCHAR(255), description TEXT,"
                + " start_time TIMESTAMPTZ, end_time TIMESTAMPTZ, external_event_id VARCHAR(255), calendar_provider VARCHAR(50),"
                + " user_id UUID, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ");
        table("lead_activities", "id UUID, organization_id UUID, lead_id UUID, activity_type VARCHAR(100), description TEXT,"
                + " old_value TEXT, new_value TEXT, user_id UUID, created_at TIMESTAMPTZ");
    }

    private static void table(String name, String columns) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String column : columns.split(",\\s*(?![^()]*\\))")) {
            String[] parts = column.trim().split("\\s+", 2);
            map.put(parts[0], parts[1]);
        }
        SEED.put(name, map);
    }

    private static Map<String, Map<String, String>> actual;

    @BeforeAll
    static void readCatalog(CrmTestDatabase db) throws SQLException {
        actual = new HashMap<>();
        try (Connection c = db.ownerDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
                               numeric_precision, numeric_scale
                          FROM information_schema.columns WHERE table_schema = 'crm'""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                actual.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), describe(rs));
            }
        }
    }

    /** The catalog's type of a column, written the seed's way. */
    private static String describe(ResultSet rs) throws SQLException {
        String dataType = rs.getString("data_type");
        String udt = rs.getString("udt_name");
        return switch (dataType) {
            case "uuid" -> "UUID";
            case "text" -> "TEXT";
            case "jsonb" -> "JSONB";
            case "inet" -> "INET";
            case "boolean" -> "BOOLEAN";
            case "integer" -> "INTEGER";
            case "timestamp with time zone" -> "TIMESTAMPTZ";
            case "character varying" -> "VARCHAR(" + rs.getInt("character_maximum_length") + ")";
            case "numeric" -> "DECIMAL(" + rs.getInt("numeric_precision") + "," + rs.getInt("numeric_scale") + ")";
            case "ARRAY" -> "_text".equals(udt) ? "TEXT[]" : "ARRAY " + udt;
            case "USER-DEFINED" -> udt;
            default -> dataType;
        };
    }

    @Test
    void everySeedTableExists() {
        assertThat(SEED).hasSize(20);
        assertThat(actual.keySet()).containsAll(SEED.keySet());
    }

    @Test
    void everySeedColumnExistsWithTheSeedType() {
        List<String> mismatches = new ArrayList<>();
        SEED.forEach((table, columns) -> columns.forEach((column, type) -> {
            String found = actual.getOrDefault(table, Map.of()).get(column);
            if (!type.equals(found)) {
                mismatches.add(table + "." + column + ": seed " + type + ", schema " + found);
            }
        }));
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theEnumTypesHaveTheSeedLabels(CrmTestDatabase db) throws SQLException {
        assertThat(enumLabels(db, "organization_role")).containsExactly("owner", "admin", "member", "viewer");
        assertThat(enumLabels(db, "invite_status")).containsExactly("pending", "accepted", "rejected", "expired", "cancelled");
        assertThat(enumLabels(db, "lead_priority")).containsExactly("low", "medium", "high", "urgent");
    }

    @Test
    void everyNamedSeedIndexAndConstraintExists(CrmTestDatabase db) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.ownerDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT indexname FROM pg_indexes WHERE schemaname = 'crm'
                        UNION SELECT conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
                         WHERE n.nspname = 'crm'""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        assertThat(names).containsAll(SEED_INDEXES).containsAll(SEED_CONSTRAINTS);
    }

    private static List<String> enumLabels(CrmTestDatabase db, String type) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection c = db.ownerDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
                          JOIN pg_namespace n ON n.oid = t.typnamespace
                         WHERE n.nspname = 'crm' AND t.typname = ? ORDER BY e.enumsortorder""")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }
}
