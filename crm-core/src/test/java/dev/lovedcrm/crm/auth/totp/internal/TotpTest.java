package dev.lovedcrm.crm.auth.totp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfc6238TestVectors() {
        Totp eightDigits = new Totp(8);
        long[][] vectors = {
            {59L, 94287082L}, {1111111109L, 7081804L}, {1111111111L, 14050471L},
            {1234567890L, 89005924L}, {2000000000L, 69279037L}, {20000000000L, 65353130L}};
        for (long[] vector : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(vector[0]));
            assertThat(eightDigits.code(RFC_SECRET, step)).as("T=%d", vector[0]).isEqualTo(String.format("%08d", vector[1]));
        }
    }

    @Test
    void acceptsOneStepOfClockSkewEitherSideAndNoMore() {
        Totp totp = new Totp();
        Instant now = Instant.parse("2026-11-24T12:00:15Z");
        long step = Totp.step(now);

        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, totp.code(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void secretsAre160BitBase32AndTheUriIsForAuthenticatorApps() {
        String secret = Totp.newSecret(new SecureRandom());

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.uri(secret, "Agência SP", "ana@x.com"))
                .startsWith("otpauth://totp/")
                .contains("secret=" + secret)
                .contains("digits=6")
                .contains("period=30")
                .contains("algorithm=SHA1");
    }
}
