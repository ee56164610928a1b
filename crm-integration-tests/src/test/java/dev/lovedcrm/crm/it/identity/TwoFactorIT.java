package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.totp.TotpEnrollment;
import dev.lovedcrm.crm.auth.totp.internal.Totp;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.ValidationException;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class TwoFactorIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static final Totp TOTP = new Totp();
    private static Crm crm;
    private static CrmTestDatabase db;
    private String email;
    private User user;
    private Organization org;
    private TenantScope scope;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK).build();
    }

    @BeforeEach
    void member() {
        email = "totp" + SEQUENCE.incrementAndGet() + "@example.com";
        user = crm.users().register(NewUser.of(email, PASSWORD, "Totp User"));
        org = crm.organizations().create(user.id(), NewOrganization.named("Two Factor Co"));
        scope = crm.tenant(org.id(), user.id());
    }

    private String codeNow(String secret) {
        return TOTP.code(secret, Totp.step(CLOCK.instant()));
    }

    private void nextStep() {
        CLOCK.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
    }

    @Test
    void enrolConfirmAndThenSignInToTheOrganizationNeedsACode() {
        TotpEnrollment enrollment = scope.twoFactor().enroll();
        assertThat(enrollment.otpauthUri()).startsWith("otpauth://totp/").contains("secret=" + enrollment.secret());
        assertThat(scope.twoFactor().status().enabled()).isFalse();

        List<String> backupCodes = scope.twoFactor().confirm(codeNow(enrollment.secret()));
        assertThat(backupCodes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        assertThat(scope.twoFactor().status()).satisfies(s -> {
            assertThat(s.enabled()).isTrue();
            assertThat(s.backupCodesLeft()).isEqualTo(10);
        });

        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))).as("no organization, no code").isNotNull();
        Expect.code("auth.two_factor_required",
                () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), null)));
        nextStep();
        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())
                .organization(org.id(), codeNow(enrollment.secret())));
        assertThat(session.session().organizationId()).isEqualTo(org.id());
    }

    @Test
    void eachCodeIsAcceptedOnlyOnce() {
        String secret = enabled();
        nextStep();
        String code = codeNow(secret);

        scope.twoFactor().verify(code);
        Expect.code("auth.invalid_two_factor_code", () -> scope.twoFactor().verify(code));
        nextStep();
        Expect.code("auth.invalid_two_factor_code", () -> scope.twoFactor().verify(TOTP.code(secret, Totp.step(CLOCK.instant()) - 2)));
        scope.twoFactor().verify(codeNow(secret));
    }

    @Test
    void oneCodeUsedTwiceAtOnceIsAcceptedOnce() throws Exception {
        String secret = enabled();
        String code = advanceAndCode(secret);

        List<Object> outcomes = Race.run(() -> {
            scope.twoFactor().verify(code);
            return "accepted";
        }, () -> {
            scope.twoFactor().verify(code);
            return "accepted";
        });

        assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(AuthenticationException.class::isInstance).hasSize(1);
    }

    @Test
    void aCodeOfThePreviousStepIsAcceptedButNotAnOlderOneAfterANewerWasUsed() {
        String secret = enabled();
        nextStep();
        nextStep();
        long now = Totp.step(CLOCK.instant());

        scope.twoFactor().verify(TOTP.code(secret, now - 1));
        scope.twoFactor().verify(TOTP.code(secret, now + 1));
        Expect.code("auth.invalid_two_factor_code", () -> scope.twoFactor().verify(TOTP.code(secret, now)));
    }

    @Test
    void backupCodesAreSingleUseAndStoredHashed() throws SQLException {
        String secret = enabled();
        List<String> codes = scope.twoFactor().regenerateBackupCodes(advanceAndCode(secret));

        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())
                .organization(org.id(), codes.get(0).toUpperCase()));
        assertThat(session).isNotNull();
        Expect.code("auth.invalid_two_factor_code", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())
                .organization(org.id(), codes.get(0))));
        assertThat(scope.twoFactor().status().backupCodesLeft()).isEqualTo(9);
        String stored = Sql.string(db.ownerDataSource(),
                "SELECT backup_codes::text || backup_codes_used::text FROM crm.user_two_factor WHERE user_id = ?", user.id().value());
        for (String code : codes) {
            assertThat(stored).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
        assertThat(stored).contains("$argon2id$");
        assertThat(Sql.strings(db.ownerDataSource(), "SELECT jsonb_array_elements_text(backup_codes) FROM crm.user_two_factor"
                + " WHERE user_id = ?", user.id().value()))
                .as("a selector, then the slow hash of the secret part").hasSize(9)
                .allMatch(h -> h.matches("[a-z2-9]{2}:\\$argon2id\\$.*"));
    }

    @Test
    void wrongCodesCountAsFailedSignInsAndAreThrottled() {
        enabled();
        for (int i = 0; i < 5; i++) {
            Expect.code("auth.invalid_two_factor_code", () -> crm.auth().login(
                    LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), "000000")));
        }
        Expect.code("auth.rate_limited", () -> crm.auth().login(
                LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), "000000")));
        Expect.code("auth.rate_limited", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())));
        CLOCK.advance(Duration.ofMinutes(16));
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))).isNotNull();
    }

    @Test
    void disablingNeedsACodeOrABackupCode() {
        String secret = enabled();

        Expect.code("auth.invalid_two_factor_code", () -> scope.twoFactor().disable("000000"));
        scope.twoFactor().disable(advanceAndCode(secret));

        assertThat(scope.twoFactor().status().enrolled()).isFalse();
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), null))).isNotNull();
    }

    @Test
    void enteringAnOrganizationFromASessionAsksForTheCode() {
        String secret = enabled();
        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));

        Expect.code("auth.two_factor_required", () -> crm.auth().enterOrganization(session.sessionToken(), org.id(), null));
        assertThat(crm.auth().enterOrganization(session.sessionToken(), org.id(), advanceAndCode(secret)).organizationId())
                .isEqualTo(org.id());
        assertThat(crm.auth().authenticate(session.sessionToken()).session().organizationId()).isEqualTo(org.id());
    }

    @Test
    void aScopeFromASessionExistsOnlyAfterTheSecondFactor() {
        String secret = enabled();
        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));

        Expect.field("session", () -> crm.tenant(crm.auth().authenticate(session.sessionToken())));
        crm.auth().enterOrganization(session.sessionToken(), org.id(), advanceAndCode(secret));

        TenantScope fromSession = crm.tenant(crm.auth().authenticate(session.sessionToken()));
        assertThat(fromSession.context().organizationId()).isEqualTo(org.id());
        assertThat(((MemberPrincipal) fromSession.context().principal()).userId()).isEqualTo(user.id());
    }

    @Test
    void onlyMembersEnterAnOrganization() {
        User stranger = crm.users().register(NewUser.of("stranger" + SEQUENCE.incrementAndGet() + "@example.com", PASSWORD, "S"));

        Expect.code("tenant.access_denied", () -> crm.auth().login(
                LoginRequest.of(stranger.email(), PASSWORD, ClientInfo.unknown()).organization(org.id(), null)));
        IssuedSession session = crm.auth().login(LoginRequest.of(stranger.email(), PASSWORD, ClientInfo.unknown()));
        Expect.code("tenant.access_denied", () -> crm.auth().enterOrganization(session.sessionToken(), org.id(), null));
    }

    @Test
    void twoFactorIsPerOrganization() {
        enabled();
        Organization other = crm.organizations().create(user.id(), NewOrganization.named("No 2FA here"));

        assertThat(crm.tenant(other.id(), user.id()).twoFactor().status().enrolled()).isFalse();
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(other.id(), null))).isNotNull();
    }

    @Test
    void stateErrorsAndBadInput() {
        assertThatThrownBy(() -> scope.twoFactor().confirm("123456"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("two_factor.not_enrolled"));
        assertThatThrownBy(() -> scope.twoFactor().verify("123456"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("two_factor.not_enabled"));
        TotpEnrollment enrollment = scope.twoFactor().enroll();
        Expect.code("auth.invalid_two_factor_code", () -> scope.twoFactor().confirm("000000"));
        for (String bad : new String[] {null, "", "12345", "x".repeat(21)}) {
            assertThatThrownBy(() -> scope.twoFactor().confirm(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("code")).isTrue());
        }
        scope.twoFactor().confirm(codeNow(enrollment.secret()));
        assertThatThrownBy(() -> scope.twoFactor().enroll())
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("two_factor.already_enabled"));
    }

    private String enabled() {
        TotpEnrollment enrollment = scope.twoFactor().enroll();
        scope.twoFactor().confirm(codeNow(enrollment.secret()));
        return enrollment.secret();
    }

    private String advanceAndCode(String secret) {
        nextStep();
        return codeNow(secret);
    }
}
