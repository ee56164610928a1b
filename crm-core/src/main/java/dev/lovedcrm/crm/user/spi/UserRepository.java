package dev.lovedcrm.crm.user.spi;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.user.User;
import java.time.Instant;
import java.util.Optional;

/** Persistence port for {@code crm.users} (global, not tenant-owned). Tokens reach it only as hashes. */
public interface UserRepository {

    /** The single-use tokens a user row holds (as hashes), each in its own seed columns. */
    enum TokenKind {
        /** {@code email_verification_token} / {@code email_verification_expires}. */
        EMAIL_VERIFICATION,
        /** {@code password_reset_token} / {@code password_reset_expires}. */
        PASSWORD_RESET
    }

    /**
     * What sign-in needs of an account.
     *
     * @param user the account
     * @param passwordHash the stored hash, or {@code null} for accounts without a password
     * @param failedLogins consecutive failed logins
     * @param lockedUntil end of the current lock, or {@code null}
     */
    record Credentials(User user, String passwordHash, int failedLogins, Instant lockedUntil) {

        /** Never prints the hash. */
        @Override
        public String toString() {
            return "Credentials[user=" + user.id() + ", failedLogins=" + failedLogins + "]";
        }
    }

    /**
     * Inserts an account.
     *
     * @param user the account
     * @param passwordHash the password hash
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code user.email_taken}
     */
    void insert(User user, String passwordHash);

    /**
     * Reads an account.
     *
     * @param id the user
     * @return the account, or empty
     */
    Optional<User> findById(UserId id);

    /**
     * Reads an account by lower-case email.
     *
     * @param email the lower-case email
     * @return the account, or empty
     */
    Optional<User> findByEmail(String email);

    /**
     * Reads an account by its linked Google account.
     *
     * @param googleId Google's subject id
     * @return the account, or empty
     */
    Optional<User> findByGoogleId(String googleId);

    /**
     * Reads and locks the sign-in data of an account.
     *
     * @param email the lower-case email
     * @return the credentials, or empty
     */
    Optional<Credentials> lockCredentialsByEmail(String email);

    /**
     * Reads and locks the sign-in data of an account.
     *
     * @param id the user
     * @return the credentials, or empty
     */
    Optional<Credentials> lockCredentials(UserId id);

    /**
     * Writes profile fields and flags (active, verified, superuser, must-change-password, verified-at).
     *
     * @param user the account with its new values
     */
    void update(User user);

    /**
     * Replaces the password hash.
     *
     * @param id the user
     * @param passwordHash the new hash
     */
    void updatePasswordHash(UserId id, String passwordHash);

    /**
     * Stores a token hash of a kind, replacing the previous one.
     *
     * @param id the user
     * @param kind the kind
     * @param tokenHash the hash, or {@code null} to clear
     * @param expiresAt its expiry, or {@code null}
     */
    void setToken(UserId id, TokenKind kind, String tokenHash, Instant expiresAt);

    /**
     * Finds and locks the account holding a token hash of a kind, with the token's expiry.
     *
     * @param kind the kind
     * @param tokenHash the hash
     * @return the account and expiry, or empty
     */
    Optional<TokenHolder> lockByToken(TokenKind kind, String tokenHash);

    /**
     * An account holding a token, and when that token expires.
     *
     * @param user the account
     * @param expiresAt the token's expiry
     */
    record TokenHolder(User user, Instant expiresAt) {
    }

    /**
     * Records a failed login: the new count and lock.
     *
     * @param id the user
     * @param failedLogins the new consecutive count
     * @param lockedUntil the new lock end, or {@code null}
     */
    void recordFailedLogin(UserId id, int failedLogins, Instant lockedUntil);

    /**
     * Records a successful login: resets the failure count and lock, sets {@code last_login}.
     *
     * @param id the user
     * @param at the login time
     */
    void recordLogin(UserId id, Instant at);
}
