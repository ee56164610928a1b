package dev.lovedcrm.crm.jdbi.internal.preference;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link PreferencesRepository} over {@code crm.user_preferences}. */
public interface JdbiPreferencesRepository extends PreferencesRepository {

    /** The preference columns, in {@link Row} order. */
    String COLUMNS = "theme, language, timezone, date_format, time_format, email_notifications, push_notifications, sms_notifications, email_marketing, email_product_updates, email_security_alerts, email_billing_alerts, email_team_activity, dashboard_layout, items_per_page, show_onboarding, show_tips, profile_visibility, activity_status, quiet_hours, custom_settings";

    @Override
    default Optional<Preferences> lock(OrganizationId organizationId, UserId userId) {
        return lockRow(organizationId, userId).map(Row::toPreferences);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.user_preferences"
            + " WHERE organization_id = :organizationId AND user_id = :userId FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lockRow(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId);

    @Override
    default void save(OrganizationId organizationId, UserId userId, Preferences p) {
        saveRow(organizationId, UuidV7.next(), userId, p.theme(), p.language(), p.timezone(), p.dateFormat(), p.timeFormat(), p.emailNotifications(), p.pushNotifications(), p.smsNotifications(), p.emailMarketing(), p.emailProductUpdates(), p.emailSecurityAlerts(), p.emailBillingAlerts(), p.emailTeamActivity(), p.dashboardLayout(), p.itemsPerPage(), p.showOnboarding(), p.showTips(), p.profileVisibility(), p.activityStatus(), JsonCodec.write(p.quietHours()), JsonCodec.write(p.customSettings()));
    }

    @SqlUpdate("INSERT INTO crm.user_preferences (organization_id, id, user_id, " + COLUMNS + ")"
            + " VALUES (:organizationId, :id, :userId, :theme, :language, :timezone, :dateFormat, :timeFormat, :emailNotifications, :pushNotifications, :smsNotifications, :emailMarketing, :emailProductUpdates, :emailSecurityAlerts, :emailBillingAlerts, :emailTeamActivity, :dashboardLayout, :itemsPerPage, :showOnboarding, :showTips, :profileVisibility, :activityStatus, :quietHours, :customSettings)"
            + " ON CONFLICT (organization_id, user_id) DO UPDATE SET theme = EXCLUDED.theme, language = EXCLUDED.language, timezone = EXCLUDED.timezone, date_format = EXCLUDED.date_format, time_format = EXCLUDED.time_format, email_notifications = EXCLUDED.email_notifications, push_notifications = EXCLUDED.push_notifications, sms_notifications = EXCLUDED.sms_notifications, email_marketing = EXCLUDED.email_marketing, email_product_updates = EXCLUDED.email_product_updates, email_security_alerts = EXCLUDED.email_security_alerts, email_billing_alerts = EXCLUDED.email_billing_alerts, email_team_activity = EXCLUDED.email_team_activity, dashboard_layout = EXCLUDED.dashboard_layout, items_per_page = EXCLUDED.items_per_page, show_onboarding = EXCLUDED.show_onboarding, show_tips = EXCLUDED.show_tips, profile_visibility = EXCLUDED.profile_visibility, activity_status = EXCLUDED.activity_status, quiet_hours = EXCLUDED.quiet_hours, custom_settings = EXCLUDED.custom_settings"
            + " WHERE crm.user_preferences.organization_id = :organizationId")
    void saveRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") UUID id, @Bind("userId") UserId userId,
            @Bind("theme") String theme,
            @Bind("language") String language,
            @Bind("timezone") String timezone,
            @Bind("dateFormat") String dateFormat,
            @Bind("timeFormat") String timeFormat,
            @Bind("emailNotifications") boolean emailNotifications,
            @Bind("pushNotifications") boolean pushNotifications,
            @Bind("smsNotifications") boolean smsNotifications,
            @Bind("emailMarketing") boolean emailMarketing,
            @Bind("emailProductUpdates") boolean emailProductUpdates,
            @Bind("emailSecurityAlerts") boolean emailSecurityAlerts,
            @Bind("emailBillingAlerts") boolean emailBillingAlerts,
            @Bind("emailTeamActivity") boolean emailTeamActivity,
            @Bind("dashboardLayout") String dashboardLayout,
            @Bind("itemsPerPage") String itemsPerPage,
            @Bind("showOnboarding") boolean showOnboarding,
            @Bind("showTips") boolean showTips,
            @Bind("profileVisibility") String profileVisibility,
            @Bind("activityStatus") boolean activityStatus,
            @Bind("quietHours") Jsonb quietHours,
            @Bind("customSettings") Jsonb customSettings);

    /** A row of {@code crm.user_preferences}. */
    record Row(String theme, String language, String timezone, String dateFormat, String timeFormat, boolean emailNotifications, boolean pushNotifications, boolean smsNotifications, boolean emailMarketing, boolean emailProductUpdates, boolean emailSecurityAlerts, boolean emailBillingAlerts, boolean emailTeamActivity, String dashboardLayout, String itemsPerPage, boolean showOnboarding, boolean showTips, String profileVisibility, boolean activityStatus, Jsonb quietHours, Jsonb customSettings) {

        Preferences toPreferences() {
            return new Preferences(theme, language, timezone, dateFormat, timeFormat, emailNotifications, pushNotifications, smsNotifications, emailMarketing, emailProductUpdates, emailSecurityAlerts, emailBillingAlerts, emailTeamActivity, dashboardLayout, itemsPerPage, showOnboarding, showTips, profileVisibility, activityStatus, JsonCodec.readObject(quietHours), JsonCodec.readObject(customSettings));
        }
    }
}
