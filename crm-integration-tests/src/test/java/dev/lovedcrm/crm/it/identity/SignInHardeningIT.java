package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.internal.Totp;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue "Hardening", item 3: each test replays an attack that worked against sign-in accounting and
 * shows it no longer does. Counts are of guesses the SDK actually evaluated (answered with a "wrong"
 * code) as opposed to refused unevaluated ({@code auth.rate_limited}).
 */
@CrmDatabaseTest
class SignInHardeningIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG = "wrong password!!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static final Totp TOTP = new Totp();
    /** Delays after 5 failures (the default), hard lock after 20 (so the tests stay short). */
    private static final AuthSettings SETTINGS = new AuthSettings(Duration.ofHours(12), Duration.ofDays(30),
            Duration.ofSeconds(10), 5, Duration.ofMinutes(15), 20);
    private static CrmTestDatabase db;
    private static Crm crm;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK)
                .passwordHasher(Argon2idPasswordHasher.owaspMinimum()).authSettings(SETTINGS).build();
    }

    private static String newUser() {
        String email = "hard" + SEQUENCE.incrementAndGet() + "@example.com";
        crm.users().register(NewUser.of(email, PASSWORD, "Hardened User"));
        return email;
    }

    /** A member of a new organization with TOTP enabled there; returns the organization. */
    private static Organization withSecondFactor(String email) {
        User user = crm.users().findByEmail(email).orElseThrow();
        Organization org = crm.organizations().create(user.id(), NewOrganization.named("Org " + SEQUENCE.incrementAndGet()));
        TotpEnrollment enrollment = crm.tenant(org.id(), user.id()).twoFactor().enroll();
        crm.tenant(org.id(), user.id()).twoFactor().confirm(TOTP.code(enrollment.secret(), Totp.step(CLOCK.instant())));
        return org;
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (CrmException e) {
            return e.code();
        }
    }

    private static long count(List<?> outcomes, String code) {
        return outcomes.stream().filter(o -> o.equals(code) || o instanceof CrmException e && e.code().equals(code)).count();
    }

    // (a) Wrong second-factor codes were counted only on the email key, which every right password cleared:
    // rounds of (right password + 4 wrong codes) evaluated every code.
    @Test
    void secondFactorGuessesAreCountedPerUserAndOrganizationAcrossPasswordSuccesses() {
        String email = newUser();
        Organization org = withSecondFactor(email);
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())));
            for (int i = 0; i < 4; i++) {
                outcomes.add(outcome(() -> crm.auth().login(
                        LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), "000000"))));
            }
        }
        assertThat(outcomes).hasSize(120);
        assertThat(outcomes).filteredOn("auth.invalid_two_factor_code"::equals).as("codes evaluated").hasSize(5);
        assertThat(outcomes).filteredOn("auth.rate_limited"::equals).hasSize(115);
        assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))))
                .as("the password alone still signs in").isEqualTo("ok");
    }

    @Test
    void secondFactorGuessesFeedTheHardLockEvenBetweenPasswordSuccesses() {
        String email = newUser();
        Organization org = withSecondFactor(email);
        int evaluated = 0;
        while (evaluated < SETTINGS.hardLockAfter()) {
            CLOCK.advance(SETTINGS.maxLockout().plusSeconds(1));
            assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())))).isEqualTo("ok");
            assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())
                    .organization(org.id(), "000000")))).isEqualTo("auth.invalid_two_factor_code");
            evaluated++;
        }
        CLOCK.advance(SETTINGS.maxLockout().plusSeconds(1));
        assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))))
                .as("hard-locked by second-factor guesses: the right password is refused generically")
                .isEqualTo("auth.invalid_credentials");
        String reset = crm.users().requestPasswordReset(email).orElseThrow().token();
        crm.users().resetPassword(reset, "a brand new passphrase");
        assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, "a brand new passphrase", ClientInfo.unknown()))))
                .isEqualTo("ok");
    }

    // (b) The throttle was check-then-record: 30 concurrent wrong passwords were all evaluated.
    @Test
    void concurrentWrongPasswordsAreEvaluatedOnlyUpToTheThreshold() throws Exception {
        String email = newUser();
        List<Object> outcomes = Race.run(calls(30, () -> () -> crm.auth().login(LoginRequest.of(email, WRONG, ClientInfo.unknown()))));

        assertThat(count(outcomes, "auth.invalid_credentials")).as("passwords evaluated").isEqualTo(SETTINGS.lockoutThreshold());
        assertThat(count(outcomes, "auth.rate_limited")).isEqualTo(30 - SETTINGS.lockoutThreshold());
    }

    // (b) 10–11 of 40 concurrent wrong TOTP codes were evaluated.
    @Test
    void concurrentWrongCodesAreEvaluatedOnlyUpToTheThreshold() throws Exception {
        String email = newUser();
        Organization org = withSecondFactor(email);
        User user = crm.users().findByEmail(email).orElseThrow();
        TenantScope scope = crm.tenant(org.id(), user.id());

        List<Object> outcomes = Race.run(calls(40, () -> () -> {
            scope.twoFactor().verify("000000");
            return "accepted";
        }));

        assertThat(count(outcomes, "auth.invalid_two_factor_code")).as("codes evaluated").isEqualTo(SETTINGS.lockoutThreshold());
        assertThat(count(outcomes, "auth.rate_limited")).isEqualTo(40 - SETTINGS.lockoutThreshold());
    }

    @Test
    void concurrentWrongCodesAtSignInAreEvaluatedOnlyUpToTheThreshold() throws Exception {
        String email = newUser();
        Organization org = withSecondFactor(email);

        List<Object> outcomes = Race.run(calls(20, () -> () -> crm.auth().login(
                LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), "000000"))));

        assertThat(count(outcomes, "auth.invalid_two_factor_code")).isLessThanOrEqualTo(SETTINGS.lockoutThreshold());
        assertThat(count(outcomes, "auth.rate_limited") + count(outcomes, "auth.invalid_two_factor_code")).isEqualTo(20);
    }

    // (c) changePassword evaluated 25 of 25 wrong current passwords.
    @Test
    void wrongCurrentPasswordsAreThrottled() {
        String email = newUser();
        User user = crm.users().findByEmail(email).orElseThrow();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            outcomes.add(outcome(() -> crm.users().changePassword(user.id(), WRONG + "x", "another good passphrase")));
        }
        assertThat(outcomes).filteredOn("auth.invalid_credentials"::equals).hasSize(SETTINGS.lockoutThreshold());
        assertThat(outcomes).filteredOn("auth.rate_limited"::equals).hasSize(25 - SETTINGS.lockoutThreshold());
        assertThat(outcome(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))))
                .as("the same account key: sign-in waits too").isEqualTo("auth.rate_limited");
    }

    // (c) scope.twoFactor().verify evaluated 30 of 30.
    @Test
    void wrongCodesInTheScopeAreThrottled() {
        String email = newUser();
        Organization org = withSecondFactor(email);
        TenantScope scope = crm.tenant(org.id(), crm.users().findByEmail(email).orElseThrow().id());
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(outcome(() -> scope.twoFactor().verify("000000")));
        }
        assertThat(outcomes).filteredOn("auth.invalid_two_factor_code"::equals).hasSize(SETTINGS.lockoutThreshold());
        assertThat(outcomes).filteredOn("auth.rate_limited"::equals).hasSize(30 - SETTINGS.lockoutThreshold());
        assertThat(outcome(() -> scope.twoFactor().disable("000000"))).as("one key for every code check").isEqualTo("auth.rate_limited");
    }

    // (c) requestPasswordReset was unthrottled.
    @Test
    void passwordResetRequestsAreThrottledAlikeForKnownAndUnknownEmails() {
        String known = newUser();
        String unknown = "nobody" + SEQUENCE.incrementAndGet() + "@example.com";
        for (String email : List.of(known, unknown)) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(outcome(() -> crm.users().requestPasswordReset(email)));
            }
            assertThat(outcomes).as(email).containsExactly("ok", "ok", "ok", "ok", "ok",
                    "auth.rate_limited", "auth.rate_limited", "auth.rate_limited");
        }
    }

    // (d) A wrong password wrote the user row; an unknown email did not (2.6 ms apart).
    @Test
    void knownAndUnknownEmailsDoTheSameDatabaseWork() throws SQLException {
        String email = newUser();
        String unknown = "ghost" + SEQUENCE.incrementAndGet() + "@example.com";
        String rowVersion = "SELECT xmin::text || '/' || failed_login_count FROM crm.users WHERE email = ?";
        String before = Sql.string(db.ownerDataSource(), rowVersion, email);

        for (int i = 0; i < 3; i++) {
            Expect.code("auth.invalid_credentials", () -> crm.auth().login(LoginRequest.of(email, WRONG, ClientInfo.unknown())));
            Expect.code("auth.invalid_credentials", () -> crm.auth().login(LoginRequest.of(unknown, WRONG, ClientInfo.unknown())));
        }

        assertThat(Sql.string(db.ownerDataSource(), rowVersion, email)).as("no new version of the user row").isEqualTo(before);
        String throttles = "SELECT failures FROM crm.auth_throttle WHERE throttle_key = ?";
        assertThat(Sql.number(db.ownerDataSource(), throttles, dev.lovedcrm.crm.internal.ThrottleKeys.email(email))).isEqualTo(3);
        assertThat(Sql.number(db.ownerDataSource(), throttles, dev.lovedcrm.crm.internal.ThrottleKeys.email(unknown))).isEqualTo(3);
    }

    // (f) 7 spellings of 2 addresses gave 7 keys; rotating within one IPv6 /64 was never throttled.
    @Test
    void addressSpellingsShareOneKey() {
        List<List<String>> addresses = List.of(
                List.of("2001:db8:7::1", "2001:DB8:7::1", "2001:0db8:0007:0000:0000:0000:0000:0001", "2001:db8:7:0::1"),
                List.of("192.0.2.77", "::ffff:192.0.2.77", "::FFFF:c000:024d"));
        for (List<String> spellings : addresses) {
            for (int i = 0; i < 20; i++) {
                String victim = "victim" + SEQUENCE.incrementAndGet() + "@example.com";
                ClientInfo client = ClientInfo.of(spellings.get(i % spellings.size()), "curl/8");
                Expect.code("auth.invalid_credentials", () -> crm.auth().login(LoginRequest.of(victim, WRONG, client)));
            }
            String someone = newUser();
            for (String spelling : spellings) {
                Expect.code("auth.rate_limited", () -> crm.auth().login(LoginRequest.of(someone, PASSWORD, ClientInfo.of(spelling, "ua"))));
            }
        }
    }

    @Test
    void rotatingAddressesWithinOneSlash64IsThrottled() {
        for (int i = 0; i < 20; i++) {
            String victim = "rot" + SEQUENCE.incrementAndGet() + "@example.com";
            ClientInfo client = ClientInfo.of("2001:db8:99:1:" + Integer.toHexString(i + 1) + "::" + Integer.toHexString(i + 7), "curl/8");
            Expect.code("auth.invalid_credentials", () -> crm.auth().login(LoginRequest.of(victim, WRONG, client)));
        }
        String someone = newUser();
        Expect.code("auth.rate_limited", () -> crm.auth().login(LoginRequest.of(someone, PASSWORD, ClientInfo.of("2001:db8:99:1:abcd::1", "ua"))));
        assertThat(outcome(() -> crm.auth().login(LoginRequest.of(someone, PASSWORD, ClientInfo.of("2001:db8:99:2::1", "ua")))))
                .as("the next /64 is another network").isEqualTo("ok");
    }

    // (g) A password change left every other session alive.
    @Test
    void aPasswordChangeEndsTheUsersSessions() {
        String email = newUser();
        User user = crm.users().findByEmail(email).orElseThrow();
        IssuedSession thief = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));
        IssuedSession owner = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));

        crm.users().changePassword(user.id(), PASSWORD, "the owner's new passphrase");

        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(thief.sessionToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().refresh(thief.refreshToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(owner.sessionToken()));
        assertThat(crm.auth().sessions(user.id())).isEmpty();
        assertThat(crm.auth().login(LoginRequest.of(email, "the owner's new passphrase", ClientInfo.unknown()))).isNotNull();
    }

    private static Callable<?>[] calls(int n, Supplier<Callable<?>> call) {
        Callable<?>[] calls = new Callable<?>[n];
        Arrays.setAll(calls, i -> call.get());
        return calls;
    }
}
