package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.AuthenticatedSession;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.error.RateLimitedException;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class AuthIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static final AuthSettings SETTINGS = new AuthSettings(Duration.ofHours(12), Duration.ofDays(30), Duration.ofSeconds(10), 3, Duration.ofMinutes(15), 6);
    private static CrmTestDatabase db;
    private static Crm crm;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = crm(Argon2idPasswordHasher.owaspMinimum());
    }

    private static Crm crm(Argon2idPasswordHasher hasher) {
        return Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK).passwordHasher(hasher)
                .authSettings(SETTINGS).eventListener(EVENTS::add).build();
    }

    private static String newUser() {
        String email = "auth" + SEQUENCE.incrementAndGet() + "@example.com";
        crm.users().register(NewUser.of(email, PASSWORD, "Auth User"));
        return email;
    }

    private static ClientInfo client() {
        return new ClientInfo("198.51.100." + SEQUENCE.incrementAndGet() % 250, "Mozilla/5.0 (X11; Linux x86_64)", Map.of("os", "linux"));
    }

    @Test
    void loginOpensASessionRecordingTheClientAndLastLogin() {
        String email = newUser();
        ClientInfo client = client();

        IssuedSession issued = crm.auth().login(LoginRequest.of(email.toUpperCase(), PASSWORD, client));

        assertThat(issued.sessionToken()).isNotEqualTo(issued.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(issued.toString()).doesNotContain(issued.sessionToken()).doesNotContain(issued.refreshToken());
        Session session = issued.session();
        assertThat(session.ipAddress()).isEqualTo(client.ipAddress());
        assertThat(session.userAgent()).isEqualTo(client.userAgent());
        assertThat(session.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(12)));
        AuthenticatedSession authenticated = crm.auth().authenticate(issued.sessionToken());
        assertThat(authenticated.user().email()).isEqualTo(email);
        assertThat(authenticated.user().lastLogin()).isEqualTo(CLOCK.instant());
        assertThat(authenticated.session().deviceInfo()).containsEntry("os", "linux");
    }

    @Test
    void unknownEmailsAndWrongPasswordsGetTheSameAnswer() {
        String email = newUser();

        AuthenticationException wrongPassword = catchAuth(() -> crm.auth().login(LoginRequest.of(email, "wrong password!!", client())));
        AuthenticationException unknown = catchAuth(() -> crm.auth().login(LoginRequest.of("nobody-" + email, PASSWORD, client())));

        assertThat(wrongPassword.code()).isEqualTo(unknown.code()).isEqualTo("auth.invalid_credentials");
        assertThat(wrongPassword.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void repeatedFailuresDelayTheAccountWithABoundThenLockItUntilAReset() {
        String email = newUser();
        for (int i = 0; i < 2; i++) {
            catchAuth(() -> crm.auth().login(LoginRequest.of(email, "wrong password!!", client())));
        }
        catchAuth(() -> crm.auth().login(LoginRequest.of(email, "wrong password!!", client())));

        RateLimitedException limited = catchThrowable(RateLimitedException.class,
                () -> crm.auth().login(LoginRequest.of(email, PASSWORD, client())));
        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        CLOCK.advance(limited.retryAfter().plusSeconds(1));
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, client()))).as("the delay ends").isNotNull();

        for (int i = 0; i < SETTINGS.hardLockAfter(); i++) {
            CLOCK.advance(SETTINGS.maxLockout().plusSeconds(1));
            catchThrowable(CrmException.class, () -> crm.auth().login(LoginRequest.of(email, "wrong password!!", client())));
        }
        CLOCK.advance(SETTINGS.maxLockout().plusSeconds(1));
        assertThat(catchAuth(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, client()))).code())
                .as("hard-locked: even the right password fails, with the same generic answer")
                .isEqualTo("auth.invalid_credentials");

        String reset = crm.users().requestPasswordReset(email).orElseThrow().token();
        crm.users().resetPassword(reset, "unlocked by a reset");
        assertThat(crm.auth().login(LoginRequest.of(email, "unlocked by a reset", client()))).isNotNull();
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String unknown = "ghost" + SEQUENCE.incrementAndGet() + "@example.com";
        for (int i = 0; i < SETTINGS.lockoutThreshold(); i++) {
            catchAuth(() -> crm.auth().login(LoginRequest.of(unknown, PASSWORD, client())));
        }
        catchThrowable(RateLimitedException.class, () -> crm.auth().login(LoginRequest.of(unknown, PASSWORD, client())));
    }

    @Test
    void oneAddressFailingAgainstManyAccountsIsThrottled() {
        ClientInfo attacker = ClientInfo.of("203.0.113.66", "curl/8");
        for (int i = 0; i < 20; i++) {
            String victim = "victim" + SEQUENCE.incrementAndGet() + "@example.com";
            catchThrowable(CrmException.class, () -> crm.auth().login(LoginRequest.of(victim, "guess-" + victim, attacker)));
        }
        String someone = newUser();
        catchThrowable(RateLimitedException.class, () -> crm.auth().login(LoginRequest.of(someone, PASSWORD, attacker)));
        assertThat(crm.auth().login(LoginRequest.of(someone, PASSWORD, client()))).as("other addresses still work").isNotNull();
    }

    @Test
    void aWeakerStoredHashIsUpgradedAtLogin() throws SQLException {
        String email = newUser();
        Crm stronger = crm(Argon2idPasswordHasher.of(24 * 1024, 3, 1, 2));

        stronger.auth().login(LoginRequest.of(email, PASSWORD, client()));

        assertThat(Sql.string(db.dataSource(), "SELECT hashed_password FROM crm.users WHERE email = ?", email)).startsWith("$argon2id$v=19$m=24576,t=3,p=1$");
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, client()))).isNotNull();
    }

    @Test
    void sessionsSlideAndExpire() {
        String email = newUser();
        IssuedSession issued = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));

        CLOCK.advance(Duration.ofHours(11));
        assertThat(crm.auth().authenticate(issued.sessionToken()).session().expiresAt())
                .isEqualTo(CLOCK.instant().plus(Duration.ofHours(12)));
        CLOCK.advance(Duration.ofHours(12).plusSeconds(1));
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(issued.sessionToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate("made-up-token"));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheSession() {
        String email = newUser();
        IssuedSession first = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));

        IssuedSession second = crm.auth().refresh(first.refreshToken());
        assertThat(second.session().id()).isEqualTo(first.session().id());
        assertThat(second.sessionToken()).isNotEqualTo(first.sessionToken());
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(first.sessionToken()));
        assertThat(crm.auth().authenticate(second.sessionToken())).isNotNull();

        CLOCK.advance(Duration.ofSeconds(11));
        Expect.code("auth.refresh_token_reused", () -> crm.auth().refresh(first.refreshToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(second.sessionToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().refresh(second.refreshToken()));
        assertThat(EVENTS).extracting(DomainEvent::type).contains("session.refresh_reused");
    }

    @Test
    void aClientThatLostTheResponseMayRetryWithinTheGraceWindow() {
        String email = newUser();
        IssuedSession first = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        IssuedSession lost = crm.auth().refresh(first.refreshToken());

        CLOCK.advance(Duration.ofSeconds(5));
        IssuedSession retried = crm.auth().refresh(first.refreshToken());

        // The retry gets back the very pair that was lost (nothing new is minted), and it works.
        assertThat(retried.sessionToken()).isEqualTo(lost.sessionToken());
        assertThat(retried.refreshToken()).isEqualTo(lost.refreshToken());
        assertThat(crm.auth().authenticate(retried.sessionToken())).isNotNull();
        assertThat(crm.auth().refresh(retried.refreshToken())).isNotNull();
    }

    @Test
    void refreshingStopsAtTheMaximumLifetime() {
        String email = newUser();
        IssuedSession issued = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        IssuedSession current = issued;
        for (int day = 0; day < 30; day++) {
            CLOCK.advance(Duration.ofHours(11));
            current = crm.auth().refresh(current.refreshToken());
        }
        CLOCK.advance(Duration.ofDays(20));
        String last = current.refreshToken();
        Expect.code("auth.invalid_token", () -> crm.auth().refresh(last));
    }

    @Test
    void concurrentRefreshesOfOneTokenLeaveExactlyOneUsablePair() throws Exception {
        String email = newUser();
        IssuedSession issued = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));

        List<Object> outcomes = Race.run(() -> crm.auth().refresh(issued.refreshToken()), () -> crm.auth().refresh(issued.refreshToken()));

        // Within the grace window the second refresh is a retry: it gets the same pair, so one pair exists.
        assertThat(outcomes).allMatch(IssuedSession.class::isInstance);
        assertThat(outcomes.stream().map(o -> ((IssuedSession) o).sessionToken()).distinct()).hasSize(1);
        assertThat(outcomes.stream().map(o -> ((IssuedSession) o).refreshToken()).distinct()).hasSize(1);
        assertThat(usable((IssuedSession) outcomes.get(0))).isTrue();
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(issued.sessionToken()));
    }

    @Test
    void withoutAGraceWindowOnlyOneOfTwoConcurrentRefreshesSucceeds() throws Exception {
        Crm strict = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK)
                .authSettings(new AuthSettings(Duration.ofHours(12),
                        Duration.ofDays(30), Duration.ZERO, 3, Duration.ofMinutes(15), 6))
                .build();
        String email = newUser();
        IssuedSession issued = strict.auth().login(LoginRequest.of(email, PASSWORD, client()));

        List<Object> outcomes = Race.run(() -> strict.auth().refresh(issued.refreshToken()),
                () -> strict.auth().refresh(issued.refreshToken()));

        assertThat(outcomes).filteredOn(IssuedSession.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AuthenticationException.class::isInstance).hasSize(1);
    }

    @Test
    void usersListAndRevokeTheirSessions() {
        String email = newUser();
        IssuedSession laptop = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        IssuedSession phone = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        IssuedSession tablet = crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        User user = crm.users().findByEmail(email).orElseThrow();

        assertThat(crm.auth().sessions(user.id())).extracting(Session::id)
                .containsExactly(tablet.session().id(), phone.session().id(), laptop.session().id());
        assertThat(crm.auth().revoke(user.id(), phone.session().id())).isTrue();
        assertThat(crm.auth().revoke(user.id(), phone.session().id())).isFalse();
        assertThat(crm.auth().revokeOthers(user.id(), laptop.session().id())).isEqualTo(1);
        assertThat(crm.auth().sessions(user.id())).extracting(Session::id).containsExactly(laptop.session().id());
        crm.auth().logout(laptop.sessionToken());
        assertThat(crm.auth().sessions(user.id())).isEmpty();
    }

    @Test
    void expiredSessionsArePurged() throws SQLException {
        String email = newUser();
        crm.auth().login(LoginRequest.of(email, PASSWORD, client()));
        long before = Sql.number(db.dataSource(), "SELECT count(*) FROM crm.user_sessions");

        CLOCK.advance(Duration.ofDays(3));
        int purged = crm.auth().purgeExpired();

        assertThat(purged).isPositive();
        assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.user_sessions")).isEqualTo(before - purged);
    }

    @Test
    void badInputIsRefusedByFieldAndWritesNothing() throws SQLException {
        long sessions = Sql.number(db.dataSource(), "SELECT count(*) FROM crm.user_sessions");
        String email = newUser();

        Expect.field("request", () -> crm.auth().login(null));
        Expect.field("email", () -> crm.auth().login(LoginRequest.of(" ", PASSWORD, client())));
        Expect.field("password", () -> crm.auth().login(LoginRequest.of(email, "", client())));
        Expect.field("password", () -> crm.auth().login(LoginRequest.of(email, "p".repeat(2000), client())));
        Expect.field("client", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, null)));
        for (String ip : new String[] {"999.1.1.1", "1.2.3", "localhost", "example.com", "::gg", "1.2.3.4; DROP TABLE"}) {
            Expect.field("ipAddress", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.of(ip, "ua"))));
        }
        Expect.field("userAgent", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.of("10.0.0.1", "u".repeat(513)))));
        Expect.field("deviceInfo", () -> crm.auth().login(LoginRequest.of(email, PASSWORD,
                new ClientInfo("10.0.0.1", "ua", Map.of("blob", "x".repeat(5000))))));
        Expect.field("newPassword", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, client()).newPassword("password")));
        Expect.field("sessionToken", () -> crm.auth().authenticate(null));
        Expect.field("refreshToken", () -> crm.auth().refresh(" "));
        Expect.field("userId", () -> crm.auth().sessions(null));
        Expect.field("sessionId", () -> crm.auth().revoke(crm.users().findByEmail(email).orElseThrow().id(), null));

        assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.user_sessions")).isEqualTo(sessions);
    }

    private static boolean usable(IssuedSession pair) {
        try {
            crm.auth().authenticate(pair.sessionToken());
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }

    private static AuthenticationException catchAuth(Runnable call) {
        return catchThrowable(AuthenticationException.class, call);
    }

    private static <T extends Throwable> T catchThrowable(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(type);
            return type.cast(t);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }
}
