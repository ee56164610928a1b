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
                .check(request.password() == null || request.password().length() <= MAX_PASSWORD_INPUT, "password", "is too long")
                .check(request.password() == null || PasswordPolicy.wellFormed(request.password()), "password",
                        PasswordPolicy.MALFORMED);
        ClientRules.check(v, request.client());
        v.check(request.totpCode() == null || request.totpCode().length() <= MAX_CODE_INPUT, "totpCode", "is too long");
        if (request.newPassword() != null) {
            String problem = PasswordPolicy.problem(request.newPassword());
            v.check(problem == null, "newPassword", problem);
            v.check(problem != null || !request.newPassword().equals(request.password()), "newPassword",
                    "must differ from the current password");
        }
        v.throwIfInvalid();

        String email = request.email().trim().toLowerCase(Locale.ROOT);
        String emailKey = ThrottleKeys.email(email);
        List<String> keys = throttleKeys(email, request.client());
        Instant now = clock.instant();
        // Count the attempt before verifying it (one transaction, rows locked in key order), so concurrent
        // guesses queue on the throttle rows and the ones past the threshold are refused unevaluated. Known
        // and unknown emails do the same database work: this transaction, and nothing more on a failure.
        Reserved reserved = store.inSystem("sign-in: reserve an attempt", tx -> {
            // Lock order of every sign-in transaction: the user row, then throttle rows, then second factors.
            Optional<UserRepository.Credentials> found = tx.repository(UserRepository.class).lockCredentialsByEmail(email);
            Map<String, Integer> counts = ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), keys, now, settings);
            return new Reserved(counts.get(emailKey), found);
        });
        Optional<UserRepository.Credentials> credentials = reserved.credentials();

        String hash = credentials.map(UserRepository.Credentials::passwordHash).orElse(null);
        boolean passwordOk = hasher.verify(hash != null ? hash : dummyHash, request.password().toCharArray()) && hash != null;
        boolean usable = passwordOk && credentials.get().user().active() && !hardLocked(credentials.get(), now);
        if (!usable) {
            failed(reserved.emailFailures(), 0, credentials.map(c -> c.user().id()).orElse(null));
            throw invalidCredentials();
        }
        User user = credentials.get().user();
        if (user.mustChangePassword() && request.newPassword() == null) {
            settle(keys, List.of());
            throw new AuthenticationException("auth.password_change_required", "the account must change its password first");
        }
        boolean changing = user.mustChangePassword();
        String rehash = changing ? hasher.hash(request.newPassword().toCharArray())
                : hasher.needsRehash(hash) ? hasher.hash(request.password().toCharArray()) : null;

        OrganizationId organization = request.organizationId();
        boolean codeGiven = organization != null && request.totpCode() != null && !request.totpCode().isBlank();
        String secondFactorKey = codeGiven ? ThrottleKeys.secondFactor(user.id(), organization) : null;
        int secondFactorFailures = 0;
        if (codeGiven) {
            try {
                secondFactorFailures = store.inSystem("sign-in: reserve a second-factor attempt", tx -> ThrottleKeys.reserve(
                        tx.repository(ThrottleRepository.class), List.of(secondFactorKey), now, settings).get(secondFactorKey));
            } catch (RateLimitedException e) {
                settle(keys, List.of());
                throw e;
            }
        }
        try {
            return store.inSystem("sign-in: open a session", tx -> {
                UserRepository users = tx.repository(UserRepository.class);
                users.lockCredentials(user.id());
                succeeded(tx.repository(ThrottleRepository.class), keys, secondFactorKey);
                if (organization != null) {
                    requireEntry(tx, organization, user.id(), request.totpCode());
                }
                if (rehash != null) {
                    users.updatePasswordHash(user.id(), rehash);
                }
                if (changing) {
                    users.update(user.withFlags(user.active(), user.superuser(), false));
                }
                users.recordLogin(user.id(), now);
                return openSession(tx, user.id(), organization, request.client(), now);
            });
        } catch (AuthenticationException e) {
            if (WRONG_CODE.equals(e.code())) {
                // The reservations stand: the attempt failed on the email, the address and the second factor.
                failed(reserved.emailFailures(), secondFactorFailures, user.id());
            } else {
                settle(keys, secondFactorKey == null ? List.of() : List.of(secondFactorKey));
            }
            throw e;
        } catch (RuntimeException e) {
            settle(keys, secondFactorKey == null ? List.of() : List.of(secondFactorKey));
            throw e;
        }
    }

    /** What the reserving transaction of a sign-in found. */
    private record Reserved(int emailFailures, Optional<UserRepository.Credentials> credentials) {
    }

    /** After a successful check, in its transaction and before any other lock: clear the account's keys, release the address. */
    private void succeeded(ThrottleRepository throttles, List<String> keys, String secondFactorKey) {
        List<String> all = new java.util.ArrayList<>(keys);
        if (secondFactorKey != null) {
            all.add(secondFactorKey);
        }
        for (String key : new java.util.TreeSet<>(all)) {
            if (key.startsWith("ip:")) {
                ThrottleKeys.release(throttles, key, settings);
            } else {
                throttles.clear(key);
            }
        }
    }

    /**
     * The password was right but the sign-in stopped for another reason (a second factor is required, not a
     * member, a password change is required): clear the account's key and give back the other reservations.
     */
    private void settle(List<String> keys, List<String> released) {
        store.inSystem("sign-in: settle a right password", tx -> {
            ThrottleRepository throttles = tx.repository(ThrottleRepository.class);
            List<String> all = new java.util.ArrayList<>(keys);
            all.addAll(released);
            for (String key : new java.util.TreeSet<>(all)) {
                if (key.startsWith("email:")) {
                    throttles.clear(key);
                } else {
                    ThrottleKeys.release(throttles, key, settings);
                }
            }
            return null;
        });
    }

    /**
     * A failed attempt was already counted when it was reserved; past the hard limit (on the email or on
     * the second factor) the account is locked until a password reset. The statement runs for unknown
     * emails too (it then changes no row), so both paths do the same work.
     */
    private void failed(int emailFailures, int secondFactorFailures, UserId user) {
        if (emailFailures < settings.hardLockAfter() && secondFactorFailures < settings.hardLockAfter()) {
            return;
        }
        UserId target = user != null ? user : UserId.generate();
        store.inSystem("sign-in: hard-lock an account", tx -> {
            tx.repository(UserRepository.class).recordFailedLogin(target,
                    Math.max(emailFailures, secondFactorFailures), Backoff.FOREVER);
            return null;
        });
    }

    @Override
    public IssuedSession loginWithGoogle(String googleIdToken, ClientInfo client) {
        return loginWithGoogle(googleIdToken, null, client);
    }

    @Override
    public IssuedSession loginWithGoogle(String googleIdToken, String nonce, ClientInfo client) {
        Validation v = new Validation().text("googleIdToken", googleIdToken, 1, 8192);
        if (nonce != null) {
            v.text("nonce", nonce, 1, MAX_TOKEN_LENGTH);
        }
        ClientRules.check(v, client);
        v.throwIfInvalid();
        Instant now = clock.instant();
        List<String> keys = client.ipAddress() == null ? List.of() : List.of(ThrottleKeys.address(client.ipAddress()));
        store.inSystem("Google sign-in: reserve an attempt", tx -> {
            ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), keys, now, settings);
            return null;
        });
        GoogleIdentity identity = runtime.google().verify(googleIdToken.trim(), nonce);
        Optional<User> user = store.inSystem("Google sign-in: find the linked account",
                tx -> tx.repository(UserRepository.class).findByGoogleId(identity.subject()).filter(User::active));
        if (user.isEmpty()) {
            throw invalidCredentials();
        }
        return store.inSystem("Google sign-in: open a session", tx -> {
            tx.repository(UserRepository.class).recordLogin(user.get().id(), now);
            succeeded(tx.repository(ThrottleRepository.class), keys, null);
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

    /**
     * Rotation with reuse detection over the whole family: the current token rotates; a retry with the
     * token just rotated, inside the grace window, gets back the very pair that rotation issued (sealed
     * under a key only that token yields) and mints nothing; any other token of the family — an older one,
     * or the previous one after the window — revokes the session.
     */
    @Override
    public IssuedSession refresh(String refreshToken) {
        String presented = tokenHash("refreshToken", refreshToken);
        String token = refreshToken.trim();
        Instant now = clock.instant();
        IssuedSession issued = store.inSystem("refresh a session", tx -> {
            SessionRepository sessions = tx.repository(SessionRepository.class);
            SessionRepository.Stored stored = sessions.lockByRefreshToken(presented, RefreshTokens.familyHash(token))
                    .filter(s -> s.session().active())
                    .filter(s -> s.session().createdAt().plus(settings.sessionMaxLifetime()).isAfter(now))
                    .orElseThrow(DefaultAuth::invalidToken);
            Session session = stored.session();
            boolean current = Tokens.matches(token, stored.refreshTokenHash());
            boolean member = current || Tokens.matches(token, stored.previousRefreshTokenHash())
                    || stored.refreshFamilyHash() != null && Tokens.matches(RefreshTokens.familyOf(token) == null ? ""
                            : RefreshTokens.familyOf(token), stored.refreshFamilyHash());
            if (!member) {
                throw invalidToken();
            }
            if (current) {
                String family = RefreshTokens.familyOf(token);
                String sessionToken = Tokens.generate(random);
                String newRefresh = family != null ? RefreshTokens.newToken(family, random) : Tokens.generate(random);
                Instant expiresAt = slidingExpiry(session, now);
                sessions.rotate(session.id(), Tokens.hash(sessionToken), Tokens.hash(newRefresh), presented, now, expiresAt,
                        RefreshTokens.seal(token, session.id(), sessionToken, newRefresh, random));
                return new IssuedSession(withActivity(session, now, expiresAt), sessionToken, newRefresh);
            }
            boolean retry = Tokens.matches(token, stored.previousRefreshTokenHash()) && stored.refreshRotatedAt() != null
                    && now.isBefore(stored.refreshRotatedAt().plus(settings.refreshGracePeriod()));
            Optional<String[]> pair = retry ? RefreshTokens.open(token, session.id(), stored.retryPair()) : Optional.empty();
            if (pair.isPresent()) {
                return new IssuedSession(session, pair.get()[0], pair.get()[1]);
            }
            sessions.revoke(session.userId(), session.id());
            Map<String, Object> data = Map.of("sessionId", session.id().toString(), "userId", session.userId().toString());
            if (session.organizationId() != null) {
                events.publish(tx, EventType.SESSION_REFRESH_REUSED, session.organizationId(), null, data);
            } else {
                events.publishAccountEvent(tx, EventType.SESSION_REFRESH_REUSED, session.userId(), data);
            }
            return null;
        });
        if (issued == null) {
            throw new AuthenticationException("auth.refresh_token_reused",
                    "an earlier refresh token of this session was presented again; the session has been revoked");
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
        boolean codeGiven = totpCode != null && !totpCode.isBlank();
        String emailKey = ThrottleKeys.email(authenticated.user().email());
        String secondFactorKey = ThrottleKeys.secondFactor(user, organizationId);
        List<String> keys = codeGiven ? List.of(emailKey, secondFactorKey) : List.of();
        Instant now = clock.instant();
        Map<String, Integer> counts = store.inSystem("enter an organization: reserve an attempt",
                tx -> ThrottleKeys.reserve(tx.repository(ThrottleRepository.class), keys, now, settings));
        try {
            store.inTenant(organizationId, tx -> {
                succeeded(tx.repository(ThrottleRepository.class), keys, null);
                requireEntry(tx, organizationId, user, totpCode);
                return null;
            });
        } catch (AuthenticationException e) {
            if (WRONG_CODE.equals(e.code())) {
                failed(counts.getOrDefault(emailKey, 0), counts.getOrDefault(secondFactorKey, 0), user);
            } else {
                giveBack(keys);
            }
            throw e;
        } catch (RuntimeException e) {
            giveBack(keys);
            throw e;
        }
        Session s = authenticated.session();
        store.inSystem("move a session into an organization", tx -> {
            tx.repository(SessionRepository.class).setOrganization(s.id(), organizationId);
            return null;
        });
        return new Session(s.id(), s.userId(), organizationId, s.ipAddress(), s.userAgent(), s.deviceInfo(), s.active(),
                s.expiresAt(), s.lastActivityAt(), s.createdAt());
    }

    /** Gives back reservations of an attempt that stopped before any guess was evaluated. */
    private void giveBack(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        store.inSystem("give back an unevaluated attempt", tx -> {
            ThrottleRepository throttles = tx.repository(ThrottleRepository.class);
            for (String key : new java.util.TreeSet<>(keys)) {
                ThrottleKeys.release(throttles, key, settings);
            }
            return null;
        });
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
        String family = RefreshTokens.newFamily(random);
        String refreshToken = RefreshTokens.newToken(family, random);
        Session session = new Session(SessionId.generate(), user, organization, client.ipAddress(), client.userAgent(),
                client.deviceInfo(), true, now.plus(settings.sessionIdleTimeout()), now, now);
        tx.repository(SessionRepository.class).insert(new SessionRepository.Stored(
                session, Tokens.hash(sessionToken), Tokens.hash(refreshToken), null, null, Tokens.hash(family), null));
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
