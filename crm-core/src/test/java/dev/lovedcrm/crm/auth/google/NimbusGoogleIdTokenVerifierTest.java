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

    private void expectInvalid(String token) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("auth.invalid_google_token"));
    }
}
