package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.OneTimeToken;
import dev.lovedcrm.crm.user.ProfilePatch;
import dev.lovedcrm.crm.user.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class UsersIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Crm crm;
    private static CrmTestDatabase db;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK).eventListener(EVENTS::add).build();
    }

    private static String email() {
        return "user" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    @Test
    void registersWithANormalisedEmailAndAnArgon2idHash() throws SQLException {
        String email = "  Maria.Silva" + SEQUENCE.incrementAndGet() + "@Example.COM ";
        User user = crm.users().register(NewUser.of(email, PASSWORD, "Maria Silva")
                .timezone("America/Sao_Paulo").language("pt-BR").profile("Gerente", "São Paulo", "https://x.com/a.png", "+55 11 99999-0000"));

        assertThat(user.email()).isEqualTo(email.trim().toLowerCase());
        assertThat(user.timezone()).isEqualTo("America/Sao_Paulo");
        assertThat(user.language()).isEqualTo("pt-BR");
        assertThat(user.verified()).isFalse();
        assertThat(user.active()).isTrue();
        assertThat(Sql.string(db.dataSource(), "SELECT hashed_password FROM crm.users WHERE id = ?", user.id().value())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(crm.users().findByEmail(email.toUpperCase())).map(User::id).contains(user.id());
        assertThat(EVENTS).extracting(DomainEvent::type).contains("user.registered");
    }

    @Test
    void theDefaultsAreUtcAndPortuguese() {
        User user = crm.users().register(NewUser.of(email(), PASSWORD, "Default"));

        assertThat(user.timezone()).isEqualTo("UTC");
        assertThat(user.language()).isEqualTo("pt");
    }

    @Test
    void anEmailIsUniqueCaseInsensitively() {
        String email = email();
        crm.users().register(NewUser.of(email, PASSWORD, "First"));

        assertThatThrownBy(() -> crm.users().register(NewUser.of(email.toUpperCase(), PASSWORD, "Second")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("user.email_taken"));
    }

    @Test
    void badInputIsRefusedByFieldAndWritesNothing() throws SQLException {
        long before = Sql.number(db.dataSource(), "SELECT count(*) FROM crm.users");

        Expect.field("user", () -> crm.users().register(null));
        for (String email : new String[] {null, "", "not-an-email", "a@b", "x".repeat(250) + "@example.com"}) {
            Expect.field("email", () -> crm.users().register(NewUser.of(email, PASSWORD, "Name")));
        }
        for (String password : new String[] {null, "", "short", "password", "Password1", "qwertyuiop", "x".repeat(129)}) {
            Expect.field("password", () -> crm.users().register(NewUser.of(email(), password, "Name")));
        }
        Expect.field("fullName", () -> crm.users().register(NewUser.of(email(), PASSWORD, " ")));
        Expect.field("fullName", () -> crm.users().register(NewUser.of(email(), PASSWORD, "n".repeat(256))));
        Expect.field("timezone", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").timezone("Mars/Olympus")));
        Expect.field("timezone", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").timezone("")));
        Expect.field("language", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").language("not a tag")));
        Expect.field("avatarUrl", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").profile(null, null, "javascript:alert(1)", null)));
        Expect.field("phone", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").profile(null, null, null, "call me maybe")));
        Expect.field("bio", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").profile("b".repeat(2001), null, null, null)));
        Expect.field("location", () -> crm.users().register(NewUser.of(email(), PASSWORD, "N").profile(null, "l".repeat(256), null, null)));
        Expect.field("userId", () -> crm.users().findById(null));
        Expect.field("email", () -> crm.users().findByEmail(" "));
        Expect.field("userId", () -> crm.users().updateProfile(null, ProfilePatch.empty()));
        Expect.field("token", () -> crm.users().verifyEmail(""));
        Expect.field("token", () -> crm.users().resetPassword(null, PASSWORD));
        Expect.field("newPassword", () -> crm.users().resetPassword("token", "password"));
        Expect.field("email", () -> crm.users().requestPasswordReset(null));

        assertThat(Sql.number(db.dataSource(), "SELECT count(*) FROM crm.users")).isEqualTo(before);
    }

    @Test
    void updatesTheProfile() {
        User user = crm.users().register(NewUser.of(email(), PASSWORD, "Before").profile("bio", null, null, null));

        User updated = crm.users().updateProfile(user.id(), ProfilePatch.empty().fullName("After").bio("").timezone("Europe/Lisbon"));

        assertThat(updated.fullName()).isEqualTo("After");
        assertThat(updated.bio()).isNull();
        assertThat(updated.timezone()).isEqualTo("Europe/Lisbon");
        Expect.field("timezone", () -> crm.users().updateProfile(user.id(), ProfilePatch.empty().timezone("Nowhere/Land")));
        assertThatThrownBy(() -> crm.users().updateProfile(UserId.generate(), ProfilePatch.empty().fullName("X")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void emailVerificationTokensAreSingleUseExpireAndReplaceEachOther() {
        User user = crm.users().register(NewUser.of(email(), PASSWORD, "Verify"));
        OneTimeToken first = crm.users().issueEmailVerification(user.id());
        OneTimeToken second = crm.users().issueEmailVerification(user.id());

        assertThat(first.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(48)));
        assertThat(second.toString()).doesNotContain(second.token());
        expectInvalidToken(() -> crm.users().verifyEmail(first.token()));
        User verified = crm.users().verifyEmail(second.token());
        assertThat(verified.verified()).isTrue();
        assertThat(verified.verifiedAt()).isNotNull();
        expectInvalidToken(() -> crm.users().verifyEmail(second.token()));

        OneTimeToken late = crm.users().issueEmailVerification(user.id());
        CLOCK.advance(Duration.ofHours(48).plusSeconds(1));
        try {
            expectInvalidToken(() -> crm.users().verifyEmail(late.token()));
        } finally {
            CLOCK.advance(Duration.ofHours(-48).minusSeconds(1));
        }
    }

    @Test
    void aPasswordResetIsSingleUseExpiresInAnHourAndRevokesEverySession() {
        String email = email();
        User user = crm.users().register(NewUser.of(email, PASSWORD, "Reset"));
        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));

        assertThat(crm.users().requestPasswordReset("nobody-" + email)).isEmpty();
        OneTimeToken token = crm.users().requestPasswordReset(email.toUpperCase()).orElseThrow();
        assertThat(token.expiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(1)));
        crm.users().resetPassword(token.token(), "a brand new passphrase");

        expectInvalidToken(() -> crm.users().resetPassword(token.token(), "yet another passphrase"));
        assertThatThrownBy(() -> crm.auth().authenticate(session.sessionToken())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())))
                .isInstanceOf(AuthenticationException.class);
        assertThat(crm.auth().login(LoginRequest.of(email, "a brand new passphrase", ClientInfo.unknown())).session().userId())
                .isEqualTo(user.id());

        OneTimeToken expired = crm.users().requestPasswordReset(email).orElseThrow();
        CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
        try {
            expectInvalidToken(() -> crm.users().resetPassword(expired.token(), "and one more passphrase"));
        } finally {
            CLOCK.advance(Duration.ofHours(-1).minusSeconds(1));
        }
    }

    @Test
    void changingThePasswordChecksTheCurrentOne() {
        String email = email();
        User user = crm.users().register(NewUser.of(email, PASSWORD, "Change"));

        assertThatThrownBy(() -> crm.users().changePassword(user.id(), "wrong password!", "another good passphrase"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.invalid_credentials"));
        Expect.field("newPassword", () -> crm.users().changePassword(user.id(), PASSWORD, PASSWORD));
        Expect.field("newPassword", () -> crm.users().changePassword(user.id(), PASSWORD, "12345678"));
        crm.users().changePassword(user.id(), PASSWORD, "another good passphrase");

        assertThat(crm.auth().login(LoginRequest.of(email, "another good passphrase", ClientInfo.unknown()))).isNotNull();
    }

    @Test
    void aForcedPasswordChangeIsDoneAtTheNextLogin() {
        String email = email();
        User user = crm.users().register(NewUser.of(email, PASSWORD, "Forced"));
        crm.userAdministration().requirePasswordChange(user.id());

        assertThatThrownBy(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.password_change_required"));
        Expect.field("newPassword", () -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).newPassword(PASSWORD)));
        crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).newPassword("my fresh passphrase"));

        assertThat(crm.users().findById(user.id()).orElseThrow().mustChangePassword()).isFalse();
        assertThat(crm.auth().login(LoginRequest.of(email, "my fresh passphrase", ClientInfo.unknown()))).isNotNull();
    }

    @Test
    void administrationDeactivatesAndGrantsSuperuserExplicitly() {
        String email = email();
        User user = crm.users().register(NewUser.of(email, PASSWORD, "Admin target"));
        IssuedSession session = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));

        assertThat(user.superuser()).isFalse();
        assertThat(crm.userAdministration().setSuperuser(user.id(), true).superuser()).isTrue();
        crm.userAdministration().deactivate(user.id());
        assertThatThrownBy(() -> crm.auth().authenticate(session.sessionToken())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.invalid_credentials"));
        crm.userAdministration().reactivate(user.id());
        assertThat(crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()))).isNotNull();
    }

    private static void expectInvalidToken(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.invalid_token"));
    }
}
