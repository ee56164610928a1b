package dev.lovedcrm.crm.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleAfterTheThresholdAndStopAtTheCap() {
        Duration max = Duration.ofMinutes(15);
        assertThat(Backoff.delay(4, 5, max)).isZero();
        assertThat(Backoff.delay(5, 5, max)).hasSeconds(1);
        assertThat(Backoff.delay(6, 5, max)).hasSeconds(2);
        assertThat(Backoff.delay(10, 5, max)).hasSeconds(32);
        assertThat(Backoff.delay(99, 5, max)).isEqualTo(max);
        assertThat(Backoff.delay(10_000, 5, max)).isEqualTo(max);
    }

    @Test
    void acceptsOnlyLiteralAddresses() {
        assertThat(ClientRules.isIpLiteral("203.0.113.7")).isTrue();
        assertThat(ClientRules.isIpLiteral("2001:db8::1")).isTrue();
        assertThat(ClientRules.isIpLiteral("::1")).isTrue();
        assertThat(ClientRules.isIpLiteral("256.1.1.1")).isFalse();
        assertThat(ClientRules.isIpLiteral("1.2.3")).isFalse();
        assertThat(ClientRules.isIpLiteral("example.com")).isFalse();
        assertThat(ClientRules.isIpLiteral("2001:db8::zz")).isFalse();
        assertThat(ClientRules.isIpLiteral("")).isFalse();
    }
}
