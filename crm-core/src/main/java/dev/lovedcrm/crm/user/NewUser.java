package dev.lovedcrm.crm.user;

/**
 * What it takes to register. Start with {@link #of(String, String, String)}.
 *
 * @param email the email (trimmed and lower-cased on registration)
 * @param password the password, 8–128 characters, not a common one
 * @param fullName full name, 1–255 characters
 * @param bio biography (≤ 2 000), or {@code null}
 * @param location location (≤ 255), or {@code null}
 * @param avatarUrl http(s) URL (≤ 2 048), or {@code null}
 * @param phone phone number (≤ 20: digits, spaces, {@code + - ( )}), or {@code null}
 * @param timezone IANA time zone, or {@code null} for UTC
 * @param language BCP 47 tag, or {@code null} for {@code pt}
 */
public record NewUser(
        String email, String password, String fullName, String bio, String location, String avatarUrl, String phone,
        String timezone, String language) {

    /**
     * A registration with the required fields.
     *
     * @param email the email
     * @param password the password
     * @param fullName the full name
     * @return the input
     */
    public static NewUser of(String email, String password, String fullName) {
        return new NewUser(email, password, fullName, null, null, null, null, null, null);
    }

    /**
     * With a time zone.
     *
     * @param timezone IANA time zone, e.g. {@code America/Sao_Paulo}
     * @return a copy
     */
    public NewUser timezone(String timezone) {
        return new NewUser(email, password, fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * With a language.
     *
     * @param language BCP 47 tag, e.g. {@code pt-BR}
     * @return a copy
     */
    public NewUser language(String language) {
        return new NewUser(email, password, fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /**
     * With profile details.
     *
     * @param bio biography
     * @param location location
     * @param avatarUrl avatar URL
     * @param phone phone number
     * @return a copy
     */
    public NewUser profile(String bio, String location, String avatarUrl, String phone) {
        return new NewUser(email, password, fullName, bio, location, avatarUrl, phone, timezone, language);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", fullName=" + fullName + ", password=…]";
    }
}
