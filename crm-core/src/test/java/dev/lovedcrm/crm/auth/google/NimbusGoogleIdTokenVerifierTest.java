package dev.lovedcrm.crm.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.AuthenticationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NimbusGoogleIdTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final GoogleTokens google = new GoogleTokens();
    private final NimbusGoogleIdTokenVerifier verifier = NimbusGoogleIdTokenVerifier.of(
            google.publicKeys(), Set.of(GoogleTokens.CLIENT_ID), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAValidToken() {
        GoogleIdentity identity = verifier.verify(google.valid("1100220033", "ana@gmail.com", NOW));

        assertThat(identity.subject()).isEqualTo("1100220033");
        assertThat(identity.email()).isEqualTo("ana@gmail.com");
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void refusesTheWrongIssuerAudienceExpiryOrSigner() {
        String issuer = "https://accounts.google.com";
        expectInvalid(google.token("1", "a@b.c", "https://evil.example", GoogleTokens.CLIENT_ID, NOW, NOW.plusSeconds(60)));
        expectInvalid(google.token("1", "a@b.c", issuer, "someone-else.apps.googleusercontent.com", NOW, NOW.plusSeconds(60)));
        expectInvalid(google.token("1", "a@b.c", issuer, GoogleTokens.CLIENT_ID, NOW.minusSeconds(7200), NOW.minusSeconds(3600)));
        expectInvalid(google.token("1", "a@b.c", issuer, GoogleTokens.CLIENT_ID, NOW.plusSeconds(3600), NOW.plusSeconds(7200)));
        expectInvalid(new GoogleTokens().valid("1", "a@b.c", NOW));
        expectInvalid("not.a.jwt");
        String valid = google.valid("1", "a@b.c", NOW);
        String[] parts = valid.split("\\.");
        expectInvalid("eyJhbGciOiJub25lIn0." + parts[1] + ".");
        expectInvalid(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
    }

    @Test
    void checksTheNonceOnlyWhenOneIsExpected() {
        String issuer = "https://accounts.google.com";
        String withNonce = google.token("7", "a@b.c", issuer, GoogleTokens.CLIENT_ID, NOW, NOW.plusSeconds(60), "n-0f3a9c", null);
        String without = google.valid("7", "a@b.c", NOW);

        assertThat(verifier.verify(withNonce, "n-0f3a9c").nonce()).isEqualTo("n-0f3a9c");
        assertThat(verifier.verify(without).subject()).as("no nonce expected").isEqualTo("7");
        assertThatThrownBy(() -> verifier.verify(withNonce, "n-other"))
                .as("a token minted for another sign-in request").isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify(without, "n-0f3a9c"))
                .as("a nonce is expected but the token has none").isInstanceOf(AuthenticationException.class);
    }

    @Test
    void checksTheAuthorizedPartyWhenRequired() {
        String issuer = "https://accounts.google.com";
        String ours = google.token("8", "a@b.c", issuer, GoogleTokens.CLIENT_ID, NOW, NOW.plusSeconds(60), null, GoogleTokens.CLIENT_ID);
        String theirs = google.token("8", "a@b.c", issuer, GoogleTokens.CLIENT_ID, NOW, NOW.plusSeconds(60), null,
                "attacker-app.apps.googleusercontent.com");
        String none = google.valid("8", "a@b.c", NOW);
        NimbusGoogleIdTokenVerifier strict = verifier.requireAuthorizedParty(Set.of(GoogleTokens.CLIENT_ID));

        assertThat(strict.verify(ours).authorizedParty()).isEqualTo(GoogleTokens.CLIENT_ID);
        assertThat(verifier.verify(theirs).authorizedParty()).as("not required: reported only")
                .isEqualTo("attacker-app.apps.googleusercontent.com");
        assertThatThrownBy(() -> strict.verify(theirs)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> strict.verify(none)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.requireAuthorizedParty(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSpiDefaultChecksTheNonceAVerifierReports() {
        GoogleIdTokenVerifier custom = token -> new GoogleIdentity("9", "a@b.c", true, "A", "nonce-1", null);
        GoogleIdTokenVerifier legacy = token -> new GoogleIdentity("9", "a@b.c", true, "A");

        assertThat(custom.verify("t", "nonce-1").subject()).isEqualTo("9");
        assertThat(legacy.verify("t", null).subject()).isEqualTo("9");
        assertThatThrownBy(() -> custom.verify("t", "nonce-2")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> legacy.verify("t", "nonce-1")).as("cannot check: refused").isInstanceOf(AuthenticationException.class);
    }

    private void expectInvalid(String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.invalid_google_token"));
    }
}
