package dev.lovedcrm.crm.preference;

import java.util.Map;

/**
 * A member's preferences in one organization ({@code crm.user_preferences}). Members without a row get
 * {@link #defaults()}. Change them with a {@link PreferencesPatch}.
 *
 * @param theme the interface theme
 * @param language interface language, a BCP 47 tag
 * @param timezone IANA time zone
 * @param dateFormat how dates are shown
 * @param timeFormat how times are shown
 * @param emailNotifications email notifications
 * @param pushNotifications push notifications
 * @param smsNotifications SMS notifications
 * @param emailMarketing marketing emails
 * @param emailProductUpdates product update emails
 * @param emailSecurityAlerts security alert emails
 * @param emailBillingAlerts billing alert emails
 * @param emailTeamActivity team activity emails
 * @param dashboardLayout the dashboard layout
 * @param itemsPerPage items per list page
 * @param showOnboarding whether to show onboarding
 * @param showTips whether to show tips
 * @param profileVisibility who sees the profile
 * @param activityStatus whether to show activity status
 * @param quietHours a daily window without notifications, or {@code null} for none
 * @param customSettings free-form settings (JSON object, at most 16 KiB)
 */
public record Preferences(
        Theme theme,
        String language,
        String timezone,
        DateFormat dateFormat,
        TimeFormat timeFormat,
        boolean emailNotifications,
        boolean pushNotifications,
        boolean smsNotifications,
        boolean emailMarketing,
        boolean emailProductUpdates,
        boolean emailSecurityAlerts,
        boolean emailBillingAlerts,
        boolean emailTeamActivity,
        DashboardLayout dashboardLayout,
        PageSize itemsPerPage,
        boolean showOnboarding,
        boolean showTips,
        ProfileVisibility profileVisibility,
        boolean activityStatus,
        QuietHours quietHours,
        Map<String, Object> customSettings) {

    /**
     * Copies the custom settings.
     *
C * @param theme the interface theme
 * @param language interface language, a BCP 47 tag
 * @param timezone IANA time zone
 * @param dateFormat how dates are shown
 * @param timeFormat how times are shown
 * @param emailNotifications email notifications
 * @param pushNotifications push notifications
 * @param smsNotifications SMS notifications
 * @param emailMarketing marketing emails
 * @param emailProductUpdates product update emails
 * @param emailSecurityAlerts security alert emails
 * @param emailBillingAlerts billing alert emails
 * @param emailTeamActivity team activity emails
 * @param dashboardLayout the dashboard layout
 * @param itemsPerPage items per list page
 * @param showOnboarding whether to show onboarding
 * @param showTips whether to show tips
 * @param profileVisibility who sees the profile
 * @param activityStatus whether to show activity status
 * @param quietHours a daily window without notifications, or {@code null} for none
 * @param customSettings free-form settings (JSON object, at most 16 KiB)
     */
    public Preferences {
        customSettings = customSettings == null ? Map.of() : Map.copyOf(customSettings);
    }

    /**
     * The preferences of a member who saved none, for an account in Portuguese on UTC.
     *
     * @return the defaults
     */
    public static Preferences defaults() {
        return defaults("pt", "UTC");
    }

    /**
     * The preferences of a member who saved none: the account's own language and time zone, and the
     * defaults listed on each component for the rest.
     *
     * @param language the account's language
     * @param timezone the account's time zone
     * @return the defaults
     */
    public static Preferences defaults(String language, String timezone) {
        return new Preferences(Theme.SYSTEM, language, timezone, DateFormat.DAY_MONTH_YEAR, TimeFormat.H24,
                true, true, false, false, true, true, true, true,
                DashboardLayout.DEFAULT, PageSize.TWENTY, true, true, ProfileVisibility.ORGANIZATION, true, null, Map.of());
    }
}
