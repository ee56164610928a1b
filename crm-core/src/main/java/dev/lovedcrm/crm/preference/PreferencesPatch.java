package dev.lovedcrm.crm.preference;

import java.util.Map;

/**
 * Changes to a member's preferences: {@code null} fields stay as they are. Build with
 * {@link #builder()}: {@code PreferencesPatch.builder().theme("dark").itemsPerPage("50").build()}.
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
public record PreferencesPatch(
        String theme,
        String language,
        String timezone,
        String dateFormat,
        String timeFormat,
        Boolean emailNotifications,
        Boolean pushNotifications,
        Boolean smsNotifications,
        Boolean emailMarketing,
        Boolean emailProductUpdates,
        Boolean emailSecurityAlerts,
        Boolean emailBillingAlerts,
        Boolean emailTeamActivity,
        String dashboardLayout,
        String itemsPerPage,
        Boolean showOnboarding,
        Boolean showTips,
        String profileVisibility,
        Boolean activityStatus,
        Map<String, Object> quietHours,
        Map<String, Object> customSettings) {

    /**
     * Starts a patch.
     *
     * @return a builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PreferencesPatch}. */
    public static final class Builder {
        private String theme;
        private String language;
        private String timezone;
        private String dateFormat;
        private String timeFormat;
        private Boolean emailNotifications;
        private Boolean pushNotifications;
        private Boolean smsNotifications;
        private Boolean emailMarketing;
        private Boolean emailProductUpdates;
        private Boolean emailSecurityAlerts;
        private Boolean emailBillingAlerts;
        private Boolean emailTeamActivity;
        private String dashboardLayout;
        private String itemsPerPage;
        private Boolean showOnboarding;
        private Boolean showTips;
        private String profileVisibility;
        private Boolean activityStatus;
        private Map<String, Object> quietHours;
        private Map<String, Object> customSettings;

        private Builder() {
        }

        /**
         * Sets the theme.
         *
         * @param theme the new value
         * @return this builder
         */
        public Builder theme(String theme) {
            this.theme = theme;
            return this;
        }

        /**
         * Sets the interface language, a BCP 47 tag.
         *
         * @param language the new value
         * @return this builder
         */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /**
         * Sets the IANA time zone.
         *
         * @param timezone the new value
         * @return this builder
         */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        /**
         * Sets the date format.
         *
         * @param dateFormat the new value
         * @return this builder
         */
        public Builder dateFormat(String dateFormat) {
            this.dateFormat = dateFormat;
            return this;
        }

        /**
         * Sets the time format.
         *
         * @param timeFormat the new value
         * @return this builder
         */
        public Builder timeFormat(String timeFormat) {
            this.timeFormat = timeFormat;
            return this;
        }

        /**
         * Sets the email notifications.
         *
         * @param emailNotifications the new value
         * @return this builder
         */
        public Builder emailNotifications(Boolean emailNotifications) {
            this.emailNotifications = emailNotifications;
            return this;
        }

        /**
         * Sets the push notifications.
         *
         * @param pushNotifications the new value
         * @return this builder
         */
        public Builder pushNotifications(Boolean pushNotifications) {
            this.pushNotifications = pushNotifications;
            return this;
        }

        /**
         * Sets the SMS notifications.
         *
         * @param smsNotifications the new value
         * @return this builder
         */
        public Builder smsNotifications(Boolean smsNotifications) {
            this.smsNotifications = smsNotifications;
            return this;
        }

        /**
         * Sets the marketing emails.
         *
         * @param emailMarketing the new value
         * @return this builder
         */
        public Builder emailMarketing(Boolean emailMarketing) {
            this.emailMarketing = emailMarketing;
            return this;
        }

        /**
         * Sets the product update emails.
         *
         * @param emailProductUpdates the new value
         * @return this builder
         */
        public Builder emailProductUpdates(Boolean emailProductUpdates) {
            this.emailProductUpdates = emailProductUpdates;
            return this;
        }

        /**
         * Sets the security alert emails.
         *
         * @param emailSecurityAlerts the new value
         * @return this builder
         */
        public Builder emailSecurityAlerts(Boolean emailSecurityAlerts) {
            this.emailSecurityAlerts = emailSecurityAlerts;
            return this;
        }

        /**
         * Sets the billing alert emails.
         *
         * @param emailBillingAlerts the new value
         * @return this builder
         */
        public Builder emailBillingAlerts(Boolean emailBillingAlerts) {
            this.emailBillingAlerts = emailBillingAlerts;
            return this;
        }

        /**
         * Sets the team activity emails.
         *
         * @param emailTeamActivity the new value
         * @return this builder
         */
        public Builder emailTeamActivity(Boolean emailTeamActivity) {
            this.emailTeamActivity = emailTeamActivity;
            return this;
        }

        /**
         * Sets the dashboard layout.
         *
         * @param dashboardLayout the new value
         * @return this builder
         */
        public Builder dashboardLayout(String dashboardLayout) {
            this.dashboardLayout = dashboardLayout;
            return this;
        }

        /**
         * Sets the items per page.
         *
         * @param itemsPerPage the new value
         * @return this builder
         */
        public Builder itemsPerPage(String itemsPerPage) {
            this.itemsPerPage = itemsPerPage;
            return this;
        }

        /**
         * Sets the whether to show onboarding.
         *
         * @param showOnboarding the new value
         * @return this builder
         */
        public Builder showOnboarding(Boolean showOnboarding) {
            this.showOnboarding = showOnboarding;
            return this;
        }

        /**
         * Sets the whether to show tips.
         *
         * @param showTips the new value
         * @return this builder
         */
        public Builder showTips(Boolean showTips) {
            this.showTips = showTips;
            return this;
        }

        /**
         * Sets the profile visibility.
         *
         * @param profileVisibility the new value
         * @return this builder
         */
        public Builder profileVisibility(String profileVisibility) {
            this.profileVisibility = profileVisibility;
            return this;
        }

        /**
         * Sets the whether to show activity status.
         *
         * @param activityStatus the new value
         * @return this builder
         */
        public Builder activityStatus(Boolean activityStatus) {
            this.activityStatus = activityStatus;
            return this;
        }

        /**
         * Sets the quiet hours.
         *
         * @param quietHours the new value
         * @return this builder
         */
        public Builder quietHours(Map<String, Object> quietHours) {
            this.quietHours = quietHours;
            return this;
        }

        /**
         * Sets the free-form settings (JSON object, ≤ 16 KiB).
         *
         * @param customSettings the new value
         * @return this builder
         */
        public Builder customSettings(Map<String, Object> customSettings) {
            this.customSettings = customSettings;
            return this;
        }

        /**
         * Builds the patch.
         *
         * @return the patch
         */
        public PreferencesPatch build() {
            return new PreferencesPatch(theme, language, timezone, dateFormat, timeFormat, emailNotifications, pushNotifications, smsNotifications, emailMarketing, emailProductUpdates, emailSecurityAlerts, emailBillingAlerts, emailTeamActivity, dashboardLayout, itemsPerPage, showOnboarding, showTips, profileVisibility, activityStatus, quietHours, customSettings);
        }
    }
}
