package dev.lovedcrm.crm.preference;

/**
 * The acting member's preferences in the scope's organization, from {@code scope.preferences()}.
 * Every member may read and change their own, and only their own.
 */
public interface UserPreferences {

    /**
     * The saved preferences, or {@link Preferences#defaults()} when none were saved.
     *
     * @return the preferences
     */
    Preferences get();

    /**
     * Changes some preferences; every enumerated field is checked.
     *
     * @param patch the changes
     * @return the preferences after the change
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field at fault (theme, language, timezone,
     *     dateFormat, timeFormat, dashboardLayout, itemsPerPage, profileVisibility, quietHours, customSettings)
     */
    Preferences update(PreferencesPatch patch);
}
