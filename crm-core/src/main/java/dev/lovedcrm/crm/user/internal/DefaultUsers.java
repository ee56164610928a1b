package dev.lovedcrm.crm.user.internal;

import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import dev.lovedcrm.crm.auth.google.GoogleIdentity;
import dev.lovedcrm.crm.internal.ThrottleKeys;
import dev.lovedcrm.crm.auth.password.PasswordPolicy;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.internal.EventPublisher;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.Tokens;
import dev.lovedcrm.crm.internal.AccountRegistrar;
import dev.lovedcrm.crm.internal.AccountRegistrar.PreparedAccount;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.user.AccountSettings;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.OneTimeToken;
import dev.lovedcrm.crm.user.ProfilePatch;
import dev.lovedcrm.crm.user.User;
import dev.lovedcrm.crm.user.UserAdministration;
import dev.lovedcrm.crm.user.spi.UserRepository;
import dev.lovedcrm.crm.user.spi.UserRepository.TokenKind;
import dev.lovedcrm.crm.user.Users;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The {@link Users} and {@link UserAdministration} services. */
public final class DefaultUsers implements Users, UserAdministration, AccountRegistrar {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final CrmRuntime runtime;

    public DefaultUsers(CrmRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public User register(NewUser input) {
        Registration registration = prepare(input, false);
        return runtime.store().inSystem("register a user account", registration::save);
    }

    /**
     * A checked, hashed registration, ready to be saved in a transaction of the caller's choosing
     * (accepting an invite registers and joins in one transaction).
     *
     * @param user the account to insert
     * @param passwordHash its password hash
     * @param events where {@code user.registered} goes
     */
    public record Registration(User user, String passwordHash, EventPublisher events) implements PreparedAccount {

        /** Inserts the account and publishes {@code user.registered}; returns the stored account. */
        @Override
        public User save(StoreTransaction tx) {
            UserRepository users = tx.repository(UserRepository.class);
            users.insert(user, passwordHash);
            events.publishAccountEvent(tx, EventType.USER_REGISTERED, user.id(), Map.of("userId", user.id().toString()));
            return users.findById(user.id()).orElseThrow();
        }

        /** Never prints the hash. */
        @Override
        public String toString() {
            return "Registration[user=" + user.id() + "]";
        }
    }

    /**
     * Checks a registration and hashes its password, before any transaction.
     *
     * @param input the registration
     * @param emailVerified whether the email is already proven (a user who received an invite by email)
     * @return the registration to save
     */
    @Override
    public Registration prepare(NewUser input, boolean emailVerified) {
        Validation.requireNonNull("user", input);
        Validation v = new Validation().email("email", input.email()).text("fullName", input.fullName(), 1, 255);
        String passwordProblem = PasswordPolicy.problem(input.password());
        v.check(passwordProblem == null, "password", passwordProblem);
        ProfileRules.check(v, input.bio(), input.location(), input.avatarUrl(), input.phone(), input.timezone(), input.language());
        v.throwIfInvalid();

        Instant now = runtime.now();
        User user = new User(UserId.generate(), normalizeEmail(input.email()), input.fullName().trim(),
                blankToNull(input.bio()), blankToNull(input.location()), blankToNull(input.avatarUrl()),
                blankToNull(input.phone()), input.timezone() == null ? "UTC" : input.timezone(),
                input.language() == null ? "pt" : input.language(), null, true, emailVerified, false, false, null,
                emailVerified ? now : null, now, now);
        return new Registration(user, hashPassword(input.password()), runtime.events());
    }

    @Override
    public Optional<User> findById(UserId id) {
        Validation.requireNonNull("userId", id);
        return runtime.store().inSystem("read a user account", tx -> tx.repository(UserRepository.class).findById(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        new Validation().text("email", email, 1, 255).throwIfInvalid();
        return runtime.store().inSystem("find a user account by email",
                tx -> tx.repository(UserRepository.class).findByEmail(normalizeEmail(email)));
    }

    @Override
    public User updateProfile(UserId id, ProfilePatch patch) {
        Validation.requireNonNull("userId", id);
        Validation.requireNonNull("patch", patch);
        Validation v = new Validation();
        if (patch.fullName() != null) {
            v.text("fullName", patch.fullName(), 1, 255);
        }
        ProfileRules.check(v, patch.bio(), patch.location(), patch.avatarUrl(), patch.phone(), patch.timezone(), patch.language());
        v.throwIfInvalid();
        return change(id, u -> new User(u.id(), u.email(),
                patch.fullName() == null ? u.fullName() : patch.fullName().trim(),
                patch.bio() == null ? u.bio() : blankToNull(patch.bio()),
                patch.location() == null ? u.location() : blankToNull(patch.location()),
                patch.avatarUrl() == null ? u.avatarUrl() : blankToNull(patch.avatarUrl()),
                patch.phone() == null ? u.phone() : blankToNull(patch.phone()),
                patch.timezone() == null ? u.timezone() : patch.timezone(),
                patch.language() == null ? u.language() : patch.language(),
                u.googleId(), u.active(), u.verified(), u.superuser(), u.mustChangePassword(), u.lastLogin(),
                u.verifiedAt(), u.createdAt(), u.updatedAt()));
    }

    /**
     * A wrong current password is a failed sign-in of the account: the guess is counted on the account's
     * email key before it is verified (so concurrent guesses cannot pass a check-then-record window), delays
     * follow, and past the hard limit the account locks until a reset. The change ends every session of the
     * user: this method is not given the caller's session, so it cannot keep one (the host signs the user in
     * again, or keeps its own session by calling {@code auth().login} afterwards).
     */
    @Override
    public void changePassword(UserId id, String currentPassword, String newPassword) {
        Validation.requireNonNull("userId", id);
        new Validation().check(currentPassword != null && !currentPassword.isEmpty(), "currentPassword", "is required")
                .check(currentPassword == null || currentPassword.length() <= PasswordPolicy.MAX_LENGTH * 4,
                        "currentPassword", "is too long")
                .check(currentPassword == null || PasswordPolicy.wellFormed(currentPassword), "currentPassword",
                        PasswordPolicy.MALFORMED)
                .throwIfInvalid();
        requireAcceptable(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw ValidationException.of("newPassword", "must differ from the current password");
        }
        Instant now = runtime.now();
        Attempt attempt = runtime.store().inSystem("change a password: reserve an attempt", tx -> {
            // Lock order of every sign-in transaction: the user row, then throttle rows.
            UserRepository.Credentials credentials = tx.repository(UserRepository.class).lockCredentials(id)
                    .orElseThrow(() -> NotFoundException.of("user", id));
            String key = ThrottleKeys.email(credentials.user().email());
            int failures = ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), List.of(key), now, runtime).get(key);
            return new Attempt(key, failures, credentials.passwordHash());
        });
        boolean right = attempt.passwordHash() != null
                && runtime.hasher().verify(attempt.passwordHash(), currentPassword.toCharArray());
        if (!right) {
            ThrottleKeys.hardLockIfPast(runtime, id, attempt.failures());
            throw new AuthenticationException("auth.invalid_credentials", "the current password is wrong");
        }
        String newHash = hashPassword(newPassword);
        runtime.store().inSystem("change a user's password", tx -> {
            UserRepository users = tx.repository(UserRepository.class);
            UserRepository.Credentials credentials = users.lockCredentials(id).orElseThrow(() -> NotFoundException.of("user", id));
            tx.repository(ThrottleRepository.class).clear(attempt.key());
            if (!attempt.passwordHash().equals(credentials.passwordHash())) {
                throw new AuthenticationException("auth.invalid_credentials", "the password was changed meanwhile");
            }
            users.updatePasswordHash(id, newHash);
            users.update(credentials.user().withFlags(credentials.user().active(), credentials.user().superuser(), false));
            tx.repository(SessionRepository.class).revokeAll(id, null);
            runtime.events().publishAccountEvent(tx, EventType.USER_PASSWORD_CHANGED, id, Map.of("userId", id.toString()));
            return null;
        });
    }

    /** A reserved password check: the throttle key, its count with this attempt, and the hash to verify against. */
    private record Attempt(String key, int failures, String passwordHash) {

        /** Never prints the hash. */
        @Override
        public String toString() {
            return "Attempt[failures=" + failures + "]";
        }
    }

    @Override
    public OneTimeToken issueEmailVerification(UserId id) {
        Validation.requireNonNull("userId", id);
        String token = Tokens.generate(runtime.random());
        Instant expiresAt = runtime.now().plus(runtime.settings(AccountSettings.class).emailVerificationTtl());
        return runtime.store().inSystem("issue an email verification token", tx -> {
            UserRepository users = tx.repository(UserRepository.class);
            users.findById(id).orElseThrow(() -> NotFoundException.of("user", id));
            users.setToken(id, TokenKind.EMAIL_VERIFICATION, Tokens.hash(token), expiresAt);
            runtime.events().publishAccountEvent(tx, EventType.USER_EMAIL_VERIFICATION_REQUESTED, id, Map.of("userId", id.toString()));
            return new OneTimeToken(token, expiresAt);
        });
    }

    @Override
    public User verifyEmail(String token) {
        String hash = tokenHash(token);
        return runtime.store().inSystem("verify an email by token", tx -> {
            UserRepository users = tx.repository(UserRepository.class);
            User user = validHolder(users, TokenKind.EMAIL_VERIFICATION, hash);
            users.setToken(user.id(), TokenKind.EMAIL_VERIFICATION, null, null);
            users.update(user.withVerifiedAt(runtime.now()));
            runtime.events().publishAccountEvent(tx, EventType.USER_EMAIL_VERIFIED, user.id(), Map.of("userId", user.id().toString()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    /**
     * Known and unknown emails do the same database work (one throttle reservation, one lookup, one token
     * update that changes no row for an unknown email), and requests are throttled per email like sign-ins
     * ({@code reset:} key, never cleared by a success), so the method neither floods an inbox nor tells by
     * its timing which emails have accounts.
     */
    @Override
    public Optional<OneTimeToken> requestPasswordReset(String email) {
        new Validation().text("email", email, 1, 255).throwIfInvalid();
        String token = Tokens.generate(runtime.random());
        Instant expiresAt = runtime.now().plus(runtime.settings(AccountSettings.class).passwordResetTtl());
        String normalized = normalizeEmail(email);
        String key = ThrottleKeys.passwordReset(normalized);
        return runtime.store().inSystem("issue a password reset token", tx -> {
            ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), List.of(key), runtime.now(), runtime);
            UserRepository users = tx.repository(UserRepository.class);
            Optional<User> user = users.findByEmail(normalized).filter(User::active);
            users.setToken(user.map(User::id).orElseGet(UserId::generate), TokenKind.PASSWORD_RESET, Tokens.hash(token), expiresAt);
            user.ifPresent(u -> runtime.events().publishAccountEvent(tx, EventType.USER_PASSWORD_RESET_REQUESTED, u.id(),
                    Map.of("userId", u.id().toString())));
            return user.map(u -> new OneTimeToken(token, expiresAt));
        });
    }

    @Override
    public User resetPassword(String token, String newPassword) {
        String hash = tokenHash(token);
        requireAcceptable(newPassword);
        String newHash = hashPassword(newPassword);
        return runtime.store().inSystem("reset a password by token", tx -> {
            UserRepository users = tx.repository(UserRepository.class);
            User user = validHolder(users, TokenKind.PASSWORD_RESET, hash);
            users.setToken(user.id(), TokenKind.PASSWORD_RESET, null, null);
            users.updatePasswordHash(user.id(), newHash);
            users.update(user.withFlags(user.active(), user.superuser(), false));
            users.recordFailedLogin(user.id(), 0, null);
            tx.repository(ThrottleRepository.class).clear(ThrottleKeys.email(user.email()));
            tx.repository(ThrottleRepository.class).clear(ThrottleKeys.passwordReset(user.email()));
            tx.repository(ThrottleRepository.class).clearPrefix(ThrottleKeys.secondFactorPrefix(user.id()));
            tx.repository(SessionRepository.class).revokeAll(user.id(), null);
            runtime.events().publishAccountEvent(tx, EventType.USER_PASSWORD_CHANGED, user.id(), Map.of("userId", user.id().toString()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    @Override
    public User linkGoogleAccount(UserId id, String googleIdToken) {
        Validation.requireNonNull("userId", id);
        new Validation().text("googleIdToken", googleIdToken, 1, 8192).throwIfInvalid();
        GoogleIdentity identity = runtime.google().verify(googleIdToken.trim());
        if (!identity.emailVerified()) {
            throw new AuthenticationException("auth.invalid_google_token", "Google has not verified this account's email");
        }
        return change(id, u -> u.withGoogleId(identity.subject()));
    }

    @Override
    public User deactivate(UserId id) {
        Validation.requireNonNull("userId", id);
        return runtime.store().inSystem("administration: deactivate a user", tx -> {
            tx.repository(SessionRepository.class).revokeAll(id, null);
            return changeIn(tx.repository(UserRepository.class), id, u -> u.withFlags(false, u.superuser(), u.mustChangePassword()));
        });
    }

    @Override
    public User reactivate(UserId id) {
        Validation.requireNonNull("userId", id);
        return change(id, u -> u.withFlags(true, u.superuser(), u.mustChangePassword()));
    }

    @Override
    public User setSuperuser(UserId id, boolean superuser) {
        Validation.requireNonNull("userId", id);
        return change(id, u -> u.withFlags(u.active(), superuser, u.mustChangePassword()));
    }

    @Override
    public User requirePasswordChange(UserId id) {
        Validation.requireNonNull("userId", id);
        return change(id, u -> u.withFlags(u.active(), u.superuser(), true));
    }

    /** Checks a new password against the policy, naming {@code newPassword}. */
    static void requireAcceptable(String newPassword) {
        String problem = PasswordPolicy.problem(newPassword);
        if (problem != null) {
            throw ValidationException.of("newPassword", problem);
        }
    }

    private String hashPassword(String password) {
        char[] chars = password.toCharArray();
        try {
            return runtime.hasher().hash(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private User change(UserId id, UnaryOperator<User> change) {
        return runtime.store().inSystem("update a user account", tx -> changeIn(tx.repository(UserRepository.class), id, change));
    }

    private static User changeIn(UserRepository users, UserId id, UnaryOperator<User> change) {
        User user = users.lockCredentials(id).map(UserRepository.Credentials::user).orElseThrow(() -> NotFoundException.of("user", id));
        users.update(change.apply(user));
        return users.findById(id).orElseThrow();
    }

    private User validHolder(UserRepository users, TokenKind kind, String hash) {
        return users.lockByToken(kind, hash)
                .filter(holder -> holder.expiresAt() != null && holder.expiresAt().isAfter(runtime.now()))
                .map(UserRepository.TokenHolder::user)
                .filter(User::active)
                .orElseThrow(() -> new AuthenticationException("auth.invalid_token", "the token is unknown, used or expired"));
    }

    private static String tokenHash(String token) {
        new Validation().text("token", token, 1, MAX_TOKEN_LENGTH).throwIfInvalid();
        return Tokens.hash(token.trim());
    }


    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
