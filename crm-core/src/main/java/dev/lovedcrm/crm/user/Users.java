package dev.lovedcrm.crm.user;

import dev.lovedcrm.crm.id.UserId;
import java.util.Optional;

/**
 * User accounts: registration, profile, password, email verification and password reset. From
 * {@code crm.users()}. The SDK sends no email: methods that issue a one-time token return it, and
 * the host delivers it.
 */
public interface Users {

    /**
     * Registers an account. The email is trimmed and lower-cased; the password is hashed with the
     * configured {@code PasswordHasher} (argon2id by default). Publishes {@code user.registered}.
     *
     * @param input the registration
     * @return the new, unverified account
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field at fault (email, password,
     *     fullName, bio, location, avatarUrl, phone, timezone, language)
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code user.email_taken}
     */
    User register(NewUser input);

    /**
     * Finds an account by id.
     *
     * @param id the user id
     * @return the account, or empty
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    Optional<User> findById(UserId id);

    /**
     * Finds an account by email, case-insensitively.
     *
     * @param email the email
     * @return the account, or empty
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code email} when blank
     */
    Optional<User> findByEmail(String email);

    /**
     * Changes profile fields.
     *
     * @param id the user
     * @param patch the changes
     * @return the updated account
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field at fault ({@code userId}, {@code patch},
     *     fullName, bio, location, avatarUrl, phone, timezone, language)
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     */
    User updateProfile(UserId id, ProfilePatch patch);

    /**
     * Changes the password after checking the current one; clears {@code must_change_password} and ends every
     * session of the user, the caller's included (sign in again). Wrong current passwords count like wrong
     * sign-in passwords on the account.
     *
     * @param id the user
     * @param currentPassword the current password
     * @param newPassword the new password (same rules as registration, and different from the current one)
     * @throws dev.lovedcrm.crm.error.AuthenticationException with code {@code auth.invalid_credentials}
     *     when the current password is wrong
     * @throws dev.lovedcrm.crm.error.RateLimitedException with code {@code auth.rate_limited} after too many wrong
     *     passwords for the account, before the current one is checked
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId}, {@code currentPassword} or
     *     {@code newPassword}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     */
    void changePassword(UserId id, String currentPassword, String newPassword);

    /**
     * Issues an email verification token (48 hours unless configured otherwise); the previous one
     * stops working. Publishes {@code user.email_verification_requested} (without the token).
     *
     * @param id the user
     * @return the token to deliver
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    OneTimeToken issueEmailVerification(UserId id);

    /**
     * Verifies the email with a token; the token is then spent.
     *
     * @param token the token
     * @return the verified account
     * @throws dev.lovedcrm.crm.error.AuthenticationException with code {@code auth.invalid_token}
     *     for an unknown, used or expired token
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code token} when blank or too long
     */
    User verifyEmail(String token);

    /**
     * Starts a password reset (1 hour unless configured otherwise). Returns empty for an unknown or
     * inactive email, so the host can answer the same way in both cases; known and unknown emails do the same
     * database work and are throttled alike (5 requests per email, then increasing delays).
     *
     * @param email the account's email
     * @return the token to deliver, or empty
     * @throws dev.lovedcrm.crm.error.RateLimitedException with code {@code auth.rate_limited} after too many
     *     requests for the email
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code email} when blank or too long
     */
    Optional<OneTimeToken> requestPasswordReset(String email);

    /**
     * Sets a new password with a reset token; the token is spent, {@code must_change_password} is
     * cleared, and every session of the user is revoked.
     *
     * @param token the reset token
     * @param newPassword the new password
     * @return the account
     * @throws dev.lovedcrm.crm.error.AuthenticationException with code {@code auth.invalid_token}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code token} or {@code newPassword}
     */
    User resetPassword(String token, String newPassword);

    /**
     * Links a Google account to this account, so it can sign in with {@code Auth.loginWithGoogle}. The
     * Google token must be valid and its email verified by Google.
     *
     * @param id the user (already signed in by the host)
     * @param googleIdToken a Google ID token of the account to link
     * @return the account
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_google_token} or
     *     {@code auth.google_not_configured}
     * @throws dev.lovedcrm.crm.error.ConflictException {@code user.google_account_taken} when another account has it
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} or {@code googleIdToken}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     */
    User linkGoogleAccount(UserId id, String googleIdToken);
}
