package dev.lovedcrm.crm.user;

/**
 * Changes to a user's profile: a {@code null} field stays as it is, an empty string clears an
 * optional one. Limits as in {@link NewUser}.
 *
 * @param fullName new full name, or {@code null}
 * @param bio new biography, {@code ""} to clear, or {@code null}
 * @param location new location, {@code ""} to clear, or {@code null}
 * @param avatarUrl new avatar URL, {@code ""} to clear, or {@code null}
 * @param phone new phone, {@code ""} to clear, or {@code null}
 * @param timezone new IANA time zone, or {@code null}
 * @param language new BCP 47 tag, or {@code null}
 */
public record ProfilePatch(
        String fullName, String bio, String location, String avatarUrl, String phone, String timezone, String language) {

    /**
     * A patch that changes nothing yet.
     *
     * @return the empty patch
     */
    public static ProfilePatch empty() {
        return new ProfilePatch(null, null, null, null, null, null, null);
    }

    /**
     * Sets the full name.
     *
     * @param fullName the name
     * @return a copy
     */
    public ProfilePatch fullName(String fullName) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets or clears the biography.
     *
     * @param bio the biography
     * @return a copy
     */
    public ProfilePatch bio(String bio) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets or clears the location.
     *
     * @param location the location
     * @return a copy
     */
    public ProfilePatch location(String location) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets or clears the avatar URL (an http(s) URL).
     *
     * @param avatarUrl the URL
     * @return a copy
     */
    public ProfilePatch avatarUrl(String avatarUrl) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets or clears the phone.
     *
     * @param phone the phone
     * @return a copy
     */
    public ProfilePatch phone(String phone) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets the time zone.
     *
     * @param timezone IANA time zone
     * @return a copy
     */
    public ProfilePatch timezone(String timezone) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * Sets the language.
     *
     * @param language BCP 47 tag
     * @return a copy
     */
    public ProfilePatch language(String language) {
        return new ProfilePatch(fullName, bio, location, avatarUrl, phone, timezone, language);
    }
}
