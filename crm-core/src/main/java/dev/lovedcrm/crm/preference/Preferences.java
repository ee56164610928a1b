package dev.lovedcrm.crm.preference;

import java.util.Map;

/**
 * A member's preferences in one organization ({@code crm.user_preferences}). Members without a row
 * get {@link #defaults()}.
 *
 * @param theme theme: {@code system}, {@code light} or {@code dark}
 * @param language interface language, a BCP 47 tag
 * @param timezone IANA time zone
 * @param dateFormat date format: {@code DD/MM/YYYY}, {@code MM/DD/YYYY} or {@code YYYY-MM-DD}
 * @param timeFormat time format: {@code 12h} or {@code 24h}
 * @param emailNotifications email notifications
 * @param pushNotifications push notifications
 * @param smsNotifications SMS notifications
 * @param emailMarketing marketing emails
 * @param emailProductUpdates product update emails
 * @param emailSecurityAlerts security alert emails
 * @param emailBillingAlerts billing alert emails
 * @param emailTeamActivity team activity emails
 * @param dashboardLayout dashboard layout: {@code default}, {@code compact} or {@code detailed}
 * @param itemsPerPage items per page: 10, 25, 50 or 100
 * @param showOnboarding whether to show onboarding
 * @param showTips whether to show tips
 * @param profileVisibility profile visibility: {@code public}, {@code organization} or {@code private}
 * @param activityStatus whether to show activity status
 * @param quietHours quiet hours: {@code {"enabled": bool, "start": "HH:mm", "end": "HH:mm"}}
 * @param customSettings free-form settings (JSON object, ≤ 16 KiB)
 */
public record Preferences(
        String theme,
        String language,
        String timezone,
        String dateFormat,
        String timeFormat,
        boolean emailNotifications,
        boolean pushNotifications,
        boolean smsNotifications,
        boolean emailMarketing,
        boolean emailProductUpdates,
        boolean emailSecurityAlerts,
        boolean emailBillingAlerts,
        boolean emailTeamActivity,
        String dashboardLayout,
        String itemsPerPage,
        boolean showOnboarding,
        boolean showTips,
        String profileVisibility,
        boolean activityStatus,
        Map<String, Object> quietHours,
        Map<String, Object> customSettings) {

    /**
     * Copies the JSON values.
     *
     * @param theme theme
     * @param language language
     * @param timezone timezone
     * @param dateFormat dateFormat
     * @param timeFormat timeFormat
     * @param emailNotifications emailNotifications
     * @param pushNotifications pushNotifications
     * @param smsNotifications smsNotifications
     * @param emailMarketing emailMarketing
     * @param emailProductUpdates emailProductUpdates
     * @param emailSecurityAlerts emailSecurityAlerts
     * @param emailBillingAlerts emailBillingAlerts
     * @param emailTeamActivity emailTeamActivity
     * @param dashboardLayout dashboardLayout
     * @param itemsPerPage itemsPerPage
     * @param showOnboarding showOnboarding
     * @param showTips showTips
     * @param profileVisibility profileVisibility
     * @param activityStatus activityStatus
     * @param quietHours quietHours
     * @param customSettings customSettings
     */
    public Preferences {
        quietHours = quietHours == null ? Map.of() : Map.copyOf(quietHours);
        customSettings = customSettings == null ? Map.of() : Map.copyOf(customSettings);
    }

    /**
     * The defaults of a member who never saved preferences.
     *
     * @return the defaults
     */
    public static Preferences defaults() {
        return new Preferences("system", "pt", "UTC", "DD/MM/YYYY", "24h", true, true, false, false, true, true, true,
                true, "default", "25", true, true, "organization", true, Map.of(), Map.of());
    }
}
