package dev.lovedcrm.crm.auth.internal;

import dev.lovedcrm.crm.internal.ThrottleKeys;
import java.time.Duration;
import java.time.Instant;

/**
 * Increasing delays after repeated failures: none below the threshold, then 1 s, 2 s, 4 s, …
 * doubling per failure, capped so nobody can lock anybody out for longer than the cap (the rule
 * lives in {@link ThrottleKeys#delay}, shared with the other guessable checks).
 */
final class Backoff {

    /** The lock of an account past the hard limit: lifted only by a password reset. */
    static final Instant FOREVER = ThrottleKeys.FOREVER;

    private Backoff() {
    }

    static Duration delay(int failures, int threshold, Duration max) {
        return ThrottleKeys.delay(failures, threshold, max);
    }
}
