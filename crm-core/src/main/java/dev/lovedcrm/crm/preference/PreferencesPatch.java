package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.internal.Validation;
import java.util.Map;

/**
 * Changes to a member's preferences; fields left unset stay as they are. The patch is its own builder:
 * {@code new PreferencesPatch().theme(Theme.DARK).itemsPerPage(PageSize.FIFTY)}. Enumerated values that
 * arrive as text are parsed with {@code DatabaseEnum.parse(Theme.class, "theme", text)}. Quiet hours are
 * switched off with a window whose {@code enabled} is false.
 */
public final class PreferencesPatch {

    private static final int MAX_CUSTOM_SETTINGS_BYTES = 16 * 1024;

    private Theme theme;
    private String language;
    private String timezone;
    private DateFormat dateFormat;
    private TimeFormat timeFormat;
    private Boolean emailNotifications;
    private Boolean pushNotifications;
    private Boolean smsNotifications;
    private Boolean emailMarketing;
    private Boolean emailProductUpdates;
    private Boolean emailSecurityAlerts;
    private Boolean emailBillingAlerts;
    private Boolean emailTeamActivity;
    private DashboardLayout dashboardLayout;
    private PageSize itemsPerPage;
    private Boolean showOnboarding;
    private Boolean showTips;
    private ProfileVisibility profileVisibility;
    private Boolean activityStatus;
    private QuietHours quietHours;
    private Map<String, Object> customSettings;

    /** An empty patch: applying it changes nothing. */
    public PreferencesPatch() {
    }

    /**
     * Sets the interface theme.
     *
     * @param theme the new value
     * @return this patch
     */
    public PreferencesPatch theme(Theme theme) {
        this.theme = theme;
        return this;
    }

    /**
     * Sets interface language, a BCP 47 tag.
     *
     * @param language the new value
     * @return this patch
     */
    public PreferencesPatch language(String language) {
        this.language = language;
        return this;
    }

    /**
     * Sets IANA time zone.
     *
     * @param timezone the new value
     * @return this patch
     */
    public PreferencesPatch timezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    /**
     * Sets how dates are shown.
     *
     * @param dateFormat the new value
     * @return this patch
     */
    public PreferencesPatch dateFormat(DateFormat dateFormat) {
        this.dateFormat = dateFormat;
        return this;
    }

    /**
     * Sets how times are shown.
     *
     * @param timeFormat the new value
     * @return this patch
     */
    public PreferencesPatch timeFormat(TimeFormat timeFormat) {
        this.timeFormat = timeFormat;
        return this;
    }

    /**
     * Sets email notifications.
     *
     * @param emailNotifications the new value
     * @return this patch
     */
    public PreferencesPatch emailNotifications(Boolean emailNotifications) {
        this.emailNotifications = emailNotifications;
        return this;
    }

    /**
     * Sets push notifications.
     *
     * @param pushNotifications the new value
     * @return this patch
     */
    public PreferencesPatch pushNotifications(Boolean pushNotifications) {
        this.pushNotifications = pushNotifications;
        return this;
    }

    /**
     * Sets SMS notifications.
     *
     * @param smsNotifications the new value
     * @return this patch
     */
    public PreferencesPatch smsNotifications(Boolean smsNotifications) {
        this.smsNotifications = smsNotifications;
        return this;
    }

    /**
     * Sets marketing emails.
     *
     * @param emailMarketing the new value
     * @return this patch
     */
    public PreferencesPatch emailMarketing(Boolean emailMarketing) {
        this.emailMarketing = emailMarketing;
        return this;
    }

    /**
     * Sets product update emails.
     *
     * @param emailProductUpdates the new value
     * @return this patch
     */
    public PreferencesPatch emailProductUpdates(Boolean emailProductUpdates) {
        this.emailProductUpdates = emailProductUpdates;
        return this;
    }

    /**
     * Sets security alert emails.
     *
     * @param emailSecurityAlerts the new value
     * @return this patch
     */
    public PreferencesPatch emailSecurityAlerts(Boolean emailSecurityAlerts) {
        this.emailSecurityAlerts = emailSecurityAlerts;
        return this;
    }

    /**
     * Sets billing alert emails.
     *
     * @param emailBillingAlerts the new value
     * @return this patch
     */
    public PreferencesPatch emailBillingAlerts(Boolean emailBillingAlerts) {
        this.emailBillingAlerts = emailBillingAlerts;
        return this;
    }

    /**
     * Sets team activity emails.
     *
     * @param emailTeamActivity the new value
     * @return this patch
     */
    public PreferencesPatch emailTeamActivity(Boolean emailTeamActivity) {
        this.emailTeamActivity = emailTeamActivity;
        return this;
    }

    /**
     * Sets the dashboard layout.
     *
     * @param dashboardLayout the new value
     * @return this patch
     */
    public PreferencesPatch dashboardLayout(DashboardLayout dashboardLayout) {
        this.dashboardLayout = dashboardLayout;
        return this;
    }

    /**
     * Sets items per list page.
     *
     * @param itemsPerPage the new value
     * @return this patch
     */
    public PreferencesPatch itemsPerPage(PageSize itemsPerPage) {
        this.itemsPerPage = itemsPerPage;
        return this;
    }

    /**
     * Sets whether to show onboarding.
     *
     * @param showOnboarding the new value
     * @return this patch
     */
    public PreferencesPatch showOnboarding(Boolean showOnboarding) {
        this.showOnboarding = showOnboarding;
        return this;
    }

    /**
     * Sets whether to show tips.
     *
     * @param showTips the new value
     * @return this patch
     */
    public PreferencesPatch showTips(Boolean showTips) {
        this.showTips = showTips;
        return this;
    }

    /**
     * Sets who sees the profile.
     *
     * @param profileVisibility the new value
     * @return this patch
     */
    public PreferencesPatch profileVisibility(ProfileVisibility profileVisibility) {
        this.profileVisibility = profileVisibility;
        return this;
    }

    /**
     * Sets whether to show activity status.
     *
     * @param activityStatus the new value
     * @return this patch
     */
    public PreferencesPatch activityStatus(Boolean activityStatus) {
        this.activityStatus = activityStatus;
        return this;
    }

    /**
     * Sets a daily window without notifications, or {@code null} for none.
     *
     * @param quietHours the new value
     * @return this patch
     */
    public PreferencesPatch quietHours(QuietHours quietHours) {
        this.quietHours = quietHours;
        return this;
    }

    /**
     * Sets free-form settings (JSON object, at most 16 KiB).
     *
     * @param customSettings the new value
     * @return this patch
     */
    public PreferencesPatch customSettings(Map<String, Object> customSettings) {
        this.customSettings = customSettings;
        return this;
    }

    /**
     * The preferences after this patch, once its free-text fields pass their checks.
     *
     * @param current the preferences before
     * @return the preferences with every set field replaced
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code language} (not a BCP 47 tag),
     *     {@code timezone} (not an IANA zone) or {@code customSettings} (over 16 KiB as JSON)
     */
    public Preferences applyTo(Preferences current) {
        new Validation().languageTag("language", language).timezone("timezone", timezone)
                .json("customSettings", customSettings, MAX_CUSTOM_SETTINGS_BYTES).throwIfInvalid();
        return new Preferences(
                theme != null ? theme : current.theme(),
                language != null ? language : current.language(),
                timezone != null ? timezone : current.timezone(),
                dateFormat != null ? dateFormat : current.dateFormat(),
                timeFormat != null ? timeFormat : current.timeFormat(),
                emailNotifications != null ? emailNotifications : current.emailNotifications(),
                pushNotifications != null ? pushNotifications : current.pushNotifications(),
                smsNotifications != null ? smsNotifications : current.smsNotifications(),
                emailMarketing != null ? emailMarketing : current.emailMarketing(),
                emailProductUpdates != null ? emailProductUpdates : current.emailProductUpdates(),
                emailSecurityAlerts != null ? emailSecurityAlerts : current.emailSecurityAlerts(),
                emailBillingAlerts != null ? emailBillingAlerts : current.emailBillingAlerts(),
                emailTeamActivity != null ? emailTeamActivity : current.emailTeamActivity(),
                dashboardLayout != null ? dashboardLayout : current.dashboardLayout(),
                itemsPerPage != null ? itemsPerPage : current.itemsPerPage(),
                showOnboarding != null ? showOnboarding : current.showOnboarding(),
                showTips != null ? showTips : current.showTips(),
                profileVisibility != null ? profileVisibility : current.profileVisibility(),
                activityStatus != null ? activityStatus : current.activityStatus(),
                quietHours != null ? quietHours : current.quietHours(),
                customSettings != null ? customSettings : current.customSettings());
    }
}
