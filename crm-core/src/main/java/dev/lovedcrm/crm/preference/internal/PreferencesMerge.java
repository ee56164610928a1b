package dev.lovedcrm.crm.preference.internal;

import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;

/** Applies a patch to preferences. */
final class PreferencesMerge {

    private PreferencesMerge() {
    }

    static Preferences apply(Preferences c, PreferencesPatch p) {
        return new Preferences(
                p.theme() == null ? c.theme() : p.theme(),
                p.language() == null ? c.language() : p.language(),
                p.timezone() == null ? c.timezone() : p.timezone(),
                p.dateFormat() == null ? c.dateFormat() : p.dateFormat(),
                p.timeFormat() == null ? c.timeFormat() : p.timeFormat(),
                p.emailNotifications() == null ? c.emailNotifications() : p.emailNotifications(),
                p.pushNotifications() == null ? c.pushNotifications() : p.pushNotifications(),
                p.smsNotifications() == null ? c.smsNotifications() : p.smsNotifications(),
                p.emailMarketing() == null ? c.emailMarketing() : p.emailMarketing(),
                p.emailProductUpdates() == null ? c.emailProductUpdates() : p.emailProductUpdates(),
                p.emailSecurityAlerts() == null ? c.emailSecurityAlerts() : p.emailSecurityAlerts(),
                p.emailBillingAlerts() == null ? c.emailBillingAlerts() : p.emailBillingAlerts(),
                p.emailTeamActivity() == null ? c.emailTeamActivity() : p.emailTeamActivity(),
                p.dashboardLayout() == null ? c.dashboardLayout() : p.dashboardLayout(),
                p.itemsPerPage() == null ? c.itemsPerPage() : p.itemsPerPage(),
                p.showOnboarding() == null ? c.showOnboarding() : p.showOnboarding(),
                p.showTips() == null ? c.showTips() : p.showTips(),
                p.profileVisibility() == null ? c.profileVisibility() : p.profileVisibility(),
                p.activityStatus() == null ? c.activityStatus() : p.activityStatus(),
                p.quietHours() == null ? c.quietHours() : p.quietHours(),
                p.customSettings() == null ? c.customSettings() : p.customSettings());
    }
}
