package dev.lovedcrm.crm.user;

import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;

/**
 * A user account. Global: one account can belong to many organizations. Never carries the password
 * hash or any token.
 *
 * @param id the user id
 * @param email the email, lower-cased
 * @param fullName full name
 * @param bio biography, or {@code null}
 * @param location location, or {@code null}
 * @param avatarUrl avatar URL, or {@code null}
 * @param phone phone number, or {@code null}
 * @param timezone IANA time zone, e.g. {@code America/Sao_Paulo}
 * @param language BCP 47 language tag, e.g. {@code pt-BR}
 * @param googleId linked Google account subject, or {@code null}
 * @param active whether the account may sign in
 * @param verified whether the email is verified
 * @param superuser whether the account is a platform superuser
 * @param mustChangePassword whether the next login must change the password
 * @param lastLogin last successful login, or {@code null}
 * @param verifiedAt when the email was verified, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last update time
 */
public record User(
        UserId id,
        String email,
        String fullName,
        String bio,
        String location,
        String avatarUrl,
        String phone,
        String timezone,
        String language,
        String googleId,
        boolean active,
        boolean verified,
        boolean superuser,
        boolean mustChangePassword,
        Instant lastLogin,
        Instant verifiedAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * A copy with other account flags.
     *
     * @param active whether the account may sign in
     * @param superuser the platform superuser flag
     * @param mustChangePassword whether the next sign-in must set a new password
     * @return the copy
     */
    public User withFlags(boolean active, boolean superuser, boolean mustChangePassword) {
        return new User(id, email, fullName, bio, location, avatarUrl, phone, timezone, language, googleId, active,
                verified, superuser, mustChangePassword, lastLogin, verifiedAt, createdAt, updatedAt);
    }

    /**
     * A copy whose email was verified at a time.
     *
     * @param at when
     * @return the copy
     */
    public User withVerifiedAt(Instant at) {
        return new User(id, email, fullName, bio, location, avatarUrl, phone, timezone, language, googleId, active,
                true, superuser, mustChangePassword, lastLogin, at, createdAt, updatedAt);
    }

    /**
     * A copy linked to a Google account.
     *
     * @param googleId the Google subject
     * @return the copy
     */
    public User withGoogleId(String googleId) {
        return new User(id, email, fullName, bio, location, avatarUrl, phone, timezone, language, googleId, active,
                verified, superuser, mustChangePassword, lastLogin, verifiedAt, createdAt, updatedAt);
    }
}
