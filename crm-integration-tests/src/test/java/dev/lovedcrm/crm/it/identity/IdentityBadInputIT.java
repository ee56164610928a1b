package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.auth.Auth;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.totp.TwoFactor;
import dev.lovedcrm.crm.auth.totp.internal.Totp;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.ProfilePatch;
import dev.lovedcrm.crm.user.User;
import dev.lovedcrm.crm.user.UserAdministration;
import dev.lovedcrm.crm.user.Users;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input for every public identity method not already covered by {@code UsersIT}, {@code AuthIT},
 * {@code TwoFactorIT} and {@code PreferencesIT}: each call is refused with a {@code ValidationException}
 * naming the field, and no identity table changes (compared row by row before and after).
 */
@CrmDatabaseTest
class IdentityBadInputIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String[] TABLES = {
        "users", "user_sessions", "user_two_factor", "user_preferences", "auth_throttle", "domain_events"};
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static CrmTestDatabase db;
    private static Crm crm;
    private static User user;
    private static IssuedSession session;
    private static TenantScope scope;
    private static Organization org;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK)
                .googleIdTokenVerifier(token -> {
                    throw new AuthenticationException("auth.invalid_google_token", "no Google in this test");
                })
                .build();
        user = crm.users().register(NewUser.of("bad-input@example.com", PASSWORD, "Bad Input"));
        org = crm.organizations().create(user.id(), NewOrganization.named("Bad Input Co"));
        scope = crm.tenant(org.id(), user.id());
        String secret = scope.twoFactor().enroll().secret();
        scope.twoFactor().confirm(new Totp().code(secret, Totp.step(CLOCK.instant())));
        session = crm.auth().login(LoginRequest.of("bad-input@example.com", PASSWORD, ClientInfo.of("10.9.8.7", "test"))
                .organization(org.id(), new Totp().code(secret, Totp.step(CLOCK.instant().plusSeconds(30)))));
    }

    @Test
    void usersAndAdministrationRefuseBadInputByFieldAndWriteNothing() throws SQLException {
        List<String> before = snapshot();
        Users users = crm.users();
        UserAdministration admin = crm.userAdministration();

        Expect.field("patch", () -> users.updateProfile(user.id(), null));
        Expect.field("timezone", () -> users.updateProfile(user.id(), ProfilePatch.empty().timezone("Mars/Olympus")));
        Expect.field("timezone", () -> users.updateProfile(user.id(), ProfilePatch.empty().timezone("UTC+25")));
        Expect.field("language", () -> users.updateProfile(user.id(), ProfilePatch.empty().language("!!")));
        Expect.field("fullName", () -> users.updateProfile(user.id(), ProfilePatch.empty().fullName("")));
        Expect.field("phone", () -> users.updateProfile(user.id(), ProfilePatch.empty().phone("phone me")));
        Expect.field("userId", () -> users.changePassword(null, PASSWORD, "another good passphrase"));
        Expect.field("currentPassword", () -> users.changePassword(user.id(), null, "another good passphrase"));
        Expect.field("currentPassword", () -> users.changePassword(user.id(), "", "another good passphrase"));
        Expect.field("newPassword", () -> users.changePassword(user.id(), PASSWORD, null));
        Expect.field("newPassword", () -> users.changePassword(user.id(), PASSWORD, "short"));
        Expect.field("newPassword", () -> users.changePassword(user.id(), PASSWORD, "password123"));
        Expect.field("newPassword", () -> users.changePassword(user.id(), PASSWORD, PASSWORD));
        Expect.field("userId", () -> users.issueEmailVerification(null));
        Expect.field("token", () -> users.verifyEmail(null));
        Expect.field("token", () -> users.verifyEmail("t".repeat(10_000)));
        Expect.field("email", () -> users.requestPasswordReset(" "));
        Expect.field("userId", () -> users.linkGoogleAccount(null, "token"));
        Expect.field("googleIdToken", () -> users.linkGoogleAccount(user.id(), ""));
        Expect.field("googleIdToken", () -> users.linkGoogleAccount(user.id(), "g".repeat(9000)));
        Expect.field("userId", () -> admin.deactivate(null));
        Expect.field("userId", () -> admin.reactivate(null));
        Expect.field("userId", () -> admin.setSuperuser(null, true));
        Expect.field("userId", () -> admin.requirePasswordChange(null));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void authRefusesBadInputByFieldAndWritesNothing() throws SQLException {
        List<String> before = snapshot();
        Auth auth = crm.auth();
        String email = "bad-input@example.com";

        Expect.field("totpCode", () -> auth.login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown())
                .organization(org.id(), "1".repeat(21))));
        for (String ip : new String[] {"256.0.0.1", "10.0.0", "10.0.0.1/24", "::1::1", "fe80::1%eth0 x", " "}) {
            Expect.field("ipAddress", () -> auth.loginWithGoogle("token", ClientInfo.of(ip, "ua")));
        }
        Expect.field("userAgent", () -> auth.loginWithGoogle("token", ClientInfo.of("10.0.0.1", "a".repeat(10_000))));
        Expect.field("googleIdToken", () -> auth.loginWithGoogle(null, ClientInfo.unknown()));
        Expect.field("googleIdToken", () -> auth.loginWithGoogle(" ", ClientInfo.unknown()));
        Expect.field("client", () -> auth.loginWithGoogle("token", null));
        Expect.field("sessionToken", () -> auth.authenticate("s".repeat(201)));
        Expect.field("refreshToken", () -> auth.refresh(null));
        Expect.field("sessionToken", () -> auth.enterOrganization(null, org.id(), null));
        Expect.field("organizationId", () -> auth.enterOrganization(session.sessionToken(), null, null));
        Expect.field("totpCode", () -> auth.enterOrganization(session.sessionToken(), org.id(), "9".repeat(500)));
        Expect.field("sessionToken", () -> auth.logout(null));
        Expect.field("sessionToken", () -> auth.logout(""));
        Expect.field("userId", () -> auth.revoke(null, session.session().id()));
        Expect.field("userId", () -> auth.revokeOthers(null, session.session().id()));
        Expect.field("keep", () -> auth.revokeOthers(user.id(), null));
        Expect.field("sessionId", () -> auth.revoke(user.id(), (SessionId) null));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(auth.authenticate(session.sessionToken()).session().organizationId()).isEqualTo(org.id());
    }

    @Test
    void twoFactorAndPreferencesRefuseBadInputByFieldAndWriteNothing() throws SQLException {
        List<String> before = snapshot();
        TwoFactor twoFactor = scope.twoFactor();

        for (String code : new String[] {null, "", "12345", "x".repeat(21)}) {
            Expect.field("code", () -> twoFactor.verify(code));
            Expect.field("code", () -> twoFactor.regenerateBackupCodes(code));
            Expect.field("code", () -> twoFactor.disable(code));
            Expect.field("code", () -> twoFactor.confirm(code));
        }
        Expect.field("patch", () -> scope.preferences().update(null));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(twoFactor.status().enabled()).isTrue();
    }

    private static List<String> snapshot() throws SQLException {
        return Sql.snapshot(db.ownerDataSource(), TABLES);
    }
}
