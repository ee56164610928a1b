package dev.lovedcrm.crm.preference;

/**
 * The acting member's preferences in the scope's organization, from {@code scope.preferences()}.
 * Every member may read and change their own, and only their own.
 */
public interface UserPreferences {

    /**
     * The saved preferences; until the member saves any, the defaults in the account's own language and time
     * zone ({@link Preferences#defaults(String, String)}).
     *
     * @return the preferences
     */
    Preferences get();

    /**
     * Changes some preferences (closed vocabularies are enums, so only the free-text fields can be wrong).
     *
     * @param patch the changes
     * @return the preferences after the change
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code patch}, {@code language},
     *     {@code timezone} or {@code customSettings}, before anything is read or written
     */
    Preferences update(PreferencesPatch patch);
}
