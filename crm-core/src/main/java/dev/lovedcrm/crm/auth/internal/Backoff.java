package dev.lovedcrm.crm.auth.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Increasing delays after repeated failures: none below the threshold, then 1 s, 2 s, 4 s, …
 * doubling per failure, capped so nobody can lock anybody out for longer than the cap.
 */
final class Backoff {

    /** The lock of an account past the hard limit: lifted only by a password reset. */
    static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    private Backoff() {
    }

    static Duration delay(int failures, int threshold, Duration max) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - threshold, 30);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
