package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.google.GoogleIdentity;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Linking and signing in with Google through the verifier SPI. The real verifier
 * ({@code NimbusGoogleIdTokenVerifier}) is tested offline with generated keys in crm-core; here a
 * table of known tokens stands in for Google so the linking rules are exercised against PostgreSQL.
 */
@CrmDatabaseTest
class GoogleSignInIT {

    private static final Map<String, GoogleIdentity> TOKENS = Map.of(
            "token-ana", new GoogleIdentity("google-ana", "ana@gmail.com", true, "Ana"),
            "token-unverified", new GoogleIdentity("google-unverified", "x@gmail.com", false, "X"),
            "token-stranger", new GoogleIdentity("google-stranger", "s@gmail.com", true, "S"),
            "token-nonce", new GoogleIdentity("google-nonce", "n@gmail.com", true, "N", "nonce-of-request-1", null));
    private static Crm crm;
    private static Crm withoutGoogle;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource()))
                .googleIdTokenVerifier(token -> {
                    GoogleIdentity identity = TOKENS.get(token);
                    if (identity == null) {
                        throw new AuthenticationException("auth.invalid_google_token", "unknown test token");
                    }
                    return identity;
                })
                .build();
        withoutGoogle = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
    }

    @Test
    void aLinkedGoogleAccountSignsIn() {
        User ana = crm.users().register(NewUser.of("ana@agencia.com.br", "correct horse battery staple", "Ana"));

        Expect.code("auth.invalid_credentials", () -> crm.auth().loginWithGoogle("token-ana", ClientInfo.unknown()));
        assertThat(crm.users().linkGoogleAccount(ana.id(), "token-ana").googleId()).isEqualTo("google-ana");

        assertThat(crm.auth().loginWithGoogle("token-ana", ClientInfo.of("10.0.0.9", "browser")).session().userId())
                .isEqualTo(ana.id());
        Expect.code("auth.invalid_google_token", () -> crm.auth().loginWithGoogle("forged", ClientInfo.unknown()));
        Expect.code("auth.google_not_configured", () -> withoutGoogle.auth().loginWithGoogle("token-ana", ClientInfo.unknown()));
    }

    @Test
    void aNonceBindsTheTokenToTheHostsSignInRequest() {
        User nina = crm.users().register(NewUser.of("nina@agencia.com.br", "correct horse battery staple", "Nina"));
        crm.users().linkGoogleAccount(nina.id(), "token-nonce");

        assertThat(crm.auth().loginWithGoogle("token-nonce", "nonce-of-request-1", ClientInfo.unknown()).session().userId())
                .isEqualTo(nina.id());
        Expect.code("auth.invalid_google_token",
                () -> crm.auth().loginWithGoogle("token-nonce", "nonce-of-request-2", ClientInfo.unknown()));
        Expect.code("auth.invalid_google_token",
                () -> crm.auth().loginWithGoogle("token-ana", "nonce-of-request-1", ClientInfo.unknown()));
        Expect.field("nonce", () -> crm.auth().loginWithGoogle("token-nonce", " ".repeat(0), ClientInfo.unknown()));
    }

    @Test
    void aGoogleAccountLinksToOneUserOnlyAndNeedsAVerifiedEmail() {
        User first = crm.users().register(NewUser.of("first@agencia.com.br", "correct horse battery staple", "First"));
        User second = crm.users().register(NewUser.of("second@agencia.com.br", "correct horse battery staple", "Second"));
        crm.users().linkGoogleAccount(first.id(), "token-stranger");

        assertThatThrownBy(() -> crm.users().linkGoogleAccount(second.id(), "token-stranger"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("user.google_account_taken"));
        Expect.code("auth.invalid_google_token", () -> crm.users().linkGoogleAccount(second.id(), "token-unverified"));
    }
}
