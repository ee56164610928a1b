package dev.lovedcrm.crm.auth.internal;

import dev.lovedcrm.crm.auth.Auth;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.AuthenticatedSession;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import dev.lovedcrm.crm.auth.google.GoogleIdentity;
import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.auth.password.PasswordPolicy;
import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.auth.totp.internal.SecondFactor;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.RateLimitedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.internal.EventPublisher;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.ThrottleKeys;
import dev.lovedcrm.crm.internal.Tokens;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.user.User;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link Auth} service. */
public final class DefaultAuth implements Auth {

    /** Failures per client address before delays start (higher than per account: offices share addresses). */
    static final int ADDRESS_THRESHOLD = 20;
    private static final int MAX_TOKEN_LENGTH = 200;
    private static final String WRONG_CODE = "auth.invalid_two_factor_code";
    private static final int MAX_PASSWORD_INPUT = 1024;
    /** Longest second-factor input: a TOTP code or a backup code with separators and spaces. */
    private static final int MAX_CODE_INPUT = 20;
    /** A session's activity is written at most this often, so busy clients do not write on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final CrmStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final PasswordHasher hasher;
    private final SecondFactor secondFactor;
    private final EventPublisher events;
    private final AuthSettings settings;
    private final String dummyHash;
    private final CrmRuntime runtime;

    public DefaultAuth(CrmRuntime runtime) {
        this.runtime = runtime;
        this.store = runtime.store();
        this.clock = runtime.clock();
        this.random = runtime.random();
        this.hasher = runtime.hasher();
        this.secondFactor = new SecondFactor(runtime);
        this.events = runtime.events();
        this.settings = runtime.settings(AuthSettings.class);
        this.dummyHash = hasher.hash(Tokens.generate(random).toCharArray());
    }

    @Override
    public IssuedSession login(LoginRequest request) {
        Validation.requireNonNull("request", request);
        Validation v = new Validation().text("email", request.email(), 1, 255)
                .check(request.password() != null && !request.password().isEmpty(), "password", "is required")
                .check(request.password() == null || request.password().length() <= MAX_PASSWORD_INPUT, "password", "is too long");
        ClientRules.check(v, request.client());
        v.check(request.totpCode() == null || request.totpCode().length() <= MAX_CODE_INPUT, "totpCode", "is too long");
        if (request.newPassword() != null) {
            String problem = PasswordPolicy.problem(request.newPassword());
            v.check(problem == null, "newPassword", problem);
        }
        v.throwIfInvalid();

        String email = request.email().trim().toLowerCase(Locale.ROOT);
        List<String> keys = throttleKeys(email, request.client());
        Instant now = clock.instant();
        Optional<UserRepository.Credentials> credentials = store.inSystem("sign-in: read credentials and throttles", tx -> {
            requireNotThrottled(tx.repository(ThrottleRepository.class), keys, now);
            return tx.repository(UserRepository.class).lockCredentialsByEmail(email);
        });

        String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
        boolean passwordOk = hasher.verify(hash != null ? hash : dummyHash, request.password().toCharArray()) && hash != null;
        boolean usable = passwordOk && credentials.get().user().active() && !hardLocked(credentials.get(), now);
        if (!usable) {
            recordFailure(keys, credentials.map(c -> c.user().id()), now);
            throw invalidCredentials();
        }
        User user = credentials.get().user();
        if (user.mustChangePassword() && request.newPassword() == null) {
            throw new AuthenticationException("auth.password_change_required", "the account must change its password first");
        }
        boolean changing = user.mustChangePassword();
        if (changing && request.newPassword().equals(request.password())) {
            throw ValidationException.of("newPassword", "must differ from the current password");
        }
        String rehash = changing ? hasher.hash(request.newPassword().toCharArray())
                : hasher.needsRehash(hash) ? hasher.hash(request.password().toCharArray()) : null;

        try {
            return store.inSystem("sign-in: open a session", tx -> {
                if (request.organizationId() != null) {
                    requireEntry(tx, request.organizationId(), user.id(), request.totpCode());
                }
                UserRepository users = tx.repository(UserRepository.class);
                if (rehash != null) {
                    users.updatePasswordHash(user.id(), rehash);
                }
                if (changing) {
                    users.update(user.withFlags(user.active(), user.superuser(), false));
                }
                users.recordLogin(user.id(), now);
                tx.repository(ThrottleRepository.class).clear(keys.get(0));
                return openSession(tx, user.id(), request.organizationId(), request.client(), now);
            });
        } catch (AuthenticationException e) {
            throw countedIfWrongCode(e, keys, now);
        }
    }

    /** A wrong second-factor code counts as a failed sign-in, so codes cannot be guessed at leisure. */
    private AuthenticationException countedIfWrongCode(AuthenticationException e, List<String> keys, Instant now) {
        if (WRONG_CODE.equals(e.code())) {
            recordFailure(keys, Optional.empty(), now);
        }
        return e;
    }

    @Override
    public IssuedSession loginWithGoogle(String googleIdToken, ClientInfo client) {
        Validation v = new Validation().text("googleIdToken", googleIdToken, 1, 8192);
        ClientRules.check(v, client);
        v.throwIfInvalid();
        Instant now = clock.instant();
        List<String> keys = client.ipAddress() == null ? List.of() : List.of(ThrottleKeys.address(client.ipAddress()));
        store.inSystem("Google sign-in: check throttles", tx -> {
            requireNotThrottled(tx.repository(ThrottleRepository.class), keys, now);
            return null;
        });
        GoogleIdentity identity;
        try {
            identity = runtime.google().verify(googleIdToken.trim());
        } catch (AuthenticationException e) {
            recordFailure(keys, Optional.empty(), now);
            throw e;
        }
        Optional<User> user = store.inSystem("Google sign-in: find the linked account",
                tx -> tx.repository(UserRepository.class).findByGoogleId(identity.subject()).filter(User::active));
        if (user.isEmpty()) {
            recordFailure(keys, Optional.empty(), now);
            throw invalidCredentials();
        }
        return store.inSystem("Google sign-in: open a session", tx -> {
            tx.repository(UserRepository.class).recordLogin(user.get().id(), now);
            return openSession(tx, user.get().id(), null, client, now);
        });
    }

    @Override
    public AuthenticatedSession authenticate(String sessionToken) {
        String hash = tokenHash("sessionToken", sessionToken);
        Instant now = clock.instant();
        return store.inSystem("authenticate a session token", tx -> {
            SessionRepository sessions = tx.repository(SessionRepository.class);
            SessionRepository.Stored stored = sessions.lockBySessionToken(hash)
                    .filter(s -> Tokens.matches(sessionToken.trim(), s.sessionTokenHash()))
                    .filter(s -> s.session().active() && s.session().expiresAt().isAfter(now))
                    .orElseThrow(DefaultAuth::invalidToken);
            User user = tx.repository(UserRepository.class).findById(stored.session().userId())
                    .filter(User::active).orElseThrow(DefaultAuth::invalidToken);
            if (stored.session().lastActivityAt().plus(TOUCH_INTERVAL).isAfter(now)) {
                return new AuthenticatedSession(stored.session(), user);
            }
            Instant expiresAt = slidingExpiry(stored.session(), now);
            sessions.touch(stored.session().id(), now, expiresAt);
            return new AuthenticatedSession(withActivity(stored.session(), now, expiresAt), user);
        });
    }

    @Override
    public IssuedSession refresh(String refreshToken) {
        String presented = tokenHash("refreshToken", refreshToken);
        Instant now = clock.instant();
        IssuedSession issued = store.inSystem("refresh a session", tx -> {
            SessionRepository sessions = tx.repository(SessionRepository.class);
            SessionRepository.Stored stored = sessions.lockByRefreshToken(presented)
                    .filter(s -> s.session().active())
                    .filter(s -> s.session().createdAt().plus(settings.sessionMaxLifetime()).isAfter(now))
                    .orElseThrow(DefaultAuth::invalidToken);
            boolean current = Tokens.matches(refreshToken.trim(), stored.refreshTokenHash());
            boolean retry = !current && stored.refreshRotatedAt() != null
                    && now.isBefore(stored.refreshRotatedAt().plus(settings.refreshGracePeriod()));
            if (!current && !retry) {
                sessions.revoke(stored.session().userId(), stored.session().id());
                events.publishAccountEvent(tx, EventType.SESSION_REFRESH_REUSED, stored.session().userId(),
                        Map.of("sessionId", stored.session().id().toString()));
                return null;
            }
            String sessionToken = Tokens.generate(random);
            String newRefresh = Tokens.generate(random);
            Instant expiresAt = slidingExpiry(stored.session(), now);
            sessions.rotate(stored.session().id(), Tokens.hash(sessionToken), Tokens.hash(newRefresh), presented,
                    current ? now : stored.refreshRotatedAt(), expiresAt);
            return new IssuedSession(withActivity(stored.session(), now, expiresAt), sessionToken, newRefresh);
        });
        if (issued == null) {
            throw new AuthenticationException("auth.refresh_token_reused",
                    "a rotated refresh token was presented again; the session has been revoked");
        }
        return issued;
    }

    @Override
    public Session enterOrganization(String sessionToken, OrganizationId organizationId, String totpCode) {
        new Validation().text("sessionToken", sessionToken, 1, MAX_TOKEN_LENGTH)
                .check(organizationId != null, "organizationId", "is required")
                .check(totpCode == null || totpCode.length() <= MAX_CODE_INPUT, "totpCode", "is too long")
                .throwIfInvalid();
        AuthenticatedSession authenticated = authenticate(sessionToken);
        UserId user = authenticated.user().id();
        List<String> keys = List.of(ThrottleKeys.email(authenticated.user().email()));
        Instant now = clock.instant();
        try {
            store.inTenant(organizationId, tx -> {
                requireNotThrottled(tx.repository(ThrottleRepository.class), keys, now);
                requireEntry(tx, organizationId, user, totpCode);
                return null;
            });
        } catch (AuthenticationException e) {
            throw countedIfWrongCode(e, keys, now);
        }
        Session s = authenticated.session();
        store.inSystem("move a session into an organization", tx -> {
            tx.repository(SessionRepository.class).setOrganization(s.id(), organizationId);
            return null;
        });
        return new Session(s.id(), s.userId(), organizationId, s.ipAddress(), s.userAgent(), s.deviceInfo(), s.active(),
                s.expiresAt(), s.lastActivityAt(), s.createdAt());
    }

    @Override
    public void logout(String sessionToken) {
        String hash = tokenHash("sessionToken", sessionToken);
        store.inSystem("sign out", tx -> {
            SessionRepository sessions = tx.repository(SessionRepository.class);
            sessions.lockBySessionToken(hash).ifPresent(s -> sessions.revoke(s.session().userId(), s.session().id()));
            return null;
        });
    }

    @Override
    public List<Session> sessions(UserId userId) {
        Validation.requireNonNull("userId", userId);
        return store.inSystem("list a user's sessions",
                tx -> tx.repository(SessionRepository.class).listActive(userId, clock.instant()));
    }

    @Override
    public boolean revoke(UserId userId, SessionId sessionId) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("sessionId", sessionId);
        return store.inSystem("revoke a session", tx -> tx.repository(SessionRepository.class).revoke(userId, sessionId));
    }

    @Override
    public int revokeOthers(UserId userId, SessionId keep) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("keep", keep);
        return store.inSystem("revoke a user's other sessions",
                tx -> tx.repository(SessionRepository.class).revokeAll(userId, keep));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        return store.inSystem("purge expired sessions and throttles", tx -> {
            tx.repository(ThrottleRepository.class).purge(cutoff);
            return tx.repository(SessionRepository.class).purgeExpired(cutoff);
        });
    }

    private IssuedSession openSession(StoreTransaction tx, UserId user, OrganizationId organization, ClientInfo client,
            Instant now) {
        String sessionToken = Tokens.generate(random);
        String refreshToken = Tokens.generate(random);
        Session session = new Session(SessionId.generate(), user, organization, client.ipAddress(), client.userAgent(),
                client.deviceInfo(), true, now.plus(settings.sessionIdleTimeout()), now, now);
        tx.repository(SessionRepository.class).insert(new SessionRepository.Stored(
                session, Tokens.hash(sessionToken), Tokens.hash(refreshToken), null, null));
        return new IssuedSession(session, sessionToken, refreshToken);
    }

    /** Entering an organization: the user must be an active member, and give a second factor if enabled there. */
    private void requireEntry(StoreTransaction tx, OrganizationId organization, UserId user, String code) {
        tx.repository(MemberRepository.class).findByUser(organization, user).filter(Member::active)
                .orElseThrow(() -> new PermissionDeniedException("tenant.access_denied", "not an active member"));
        TwoFactorRepository twoFactor = tx.repository(TwoFactorRepository.class);
        Optional<TwoFactorRepository.Stored> stored = twoFactor.lock(organization, user).filter(TwoFactorRepository.Stored::enabled);
        if (stored.isEmpty()) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new AuthenticationException("auth.two_factor_required", "this organization needs a second factor");
        }
        if (!secondFactor.accept(twoFactor, organization, user, stored.get(), code)) {
            throw new AuthenticationException(WRONG_CODE, "the code is wrong, expired or already used");
        }
    }

    private void requireNotThrottled(ThrottleRepository throttles, List<String> keys, Instant now) {
        for (String key : keys) {
            Optional<Instant> lockedUntil = throttles.find(key).map(ThrottleRepository.Throttle::lockedUntil)
                    .filter(until -> until.isAfter(now));
            if (lockedUntil.isPresent()) {
                throw new RateLimitedException("auth.rate_limited", "too many failed sign-ins; try again later",
                        Duration.between(now, lockedUntil.get()));
            }
        }
    }

    /** Counts a failure against the email, the address and the account, in its own transaction. */
    private void recordFailure(List<String> keys, Optional<UserId> user, Instant now) {
        store.inSystem("sign-in: record a failure", tx -> {
            ThrottleRepository throttles = tx.repository(ThrottleRepository.class);
            for (String key : keys) {
                int failures = throttles.recordFailure(key, now);
                int threshold = key.startsWith("ip:") ? ADDRESS_THRESHOLD : settings.lockoutThreshold();
                Duration delay = Backoff.delay(failures, threshold, settings.maxLockout());
                if (!delay.isZero()) {
                    throttles.lock(key, now.plus(delay));
                }
            }
            user.ifPresent(id -> {
                UserRepository users = tx.repository(UserRepository.class);
                users.lockCredentials(id).ifPresent(c -> {
                    int failures = c.failedLogins() + 1;
                    users.recordFailedLogin(id, failures, failures >= settings.hardLockAfter() ? Backoff.FOREVER : c.lockedUntil());
                });
            });
            return null;
        });
    }

    private static boolean hardLocked(UserRepository.Credentials credentials, Instant now) {
        return credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now);
    }

    private static List<String> throttleKeys(String email, ClientInfo client) {
        String emailKey = ThrottleKeys.email(email);
        return client.ipAddress() == null ? List.of(emailKey) : List.of(emailKey, ThrottleKeys.address(client.ipAddress()));
    }

    private Instant slidingExpiry(Session session, Instant now) {
        Instant idle = now.plus(settings.sessionIdleTimeout());
        Instant absolute = session.createdAt().plus(settings.sessionMaxLifetime());
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private static Session withActivity(Session s, Instant now, Instant expiresAt) {
        return new Session(s.id(), s.userId(), s.organizationId(), s.ipAddress(), s.userAgent(), s.deviceInfo(), s.active(),
                expiresAt, now, s.createdAt());
    }

    private static String tokenHash(String field, String token) {
        new Validation().text(field, token, 1, MAX_TOKEN_LENGTH).throwIfInvalid();
        return Tokens.hash(token.trim());
    }

    private static AuthenticationException invalidCredentials() {
        return new AuthenticationException("auth.invalid_credentials", "email or password is wrong");
    }

    private static AuthenticationException invalidToken() {
        return new AuthenticationException("auth.invalid_token", "the token is unknown, revoked or expired");
    }
}
