package dev.lovedcrm.crm.auth.throttle.spi;

import java.time.Instant;
import java.util.Optional;

/** Persistence port for sign-in throttling ({@code crm.auth_throttle}). */
public interface ThrottleRepository {

    /**
     * A throttle record.
     *
     * @param failures consecutive failures
     * @param lockedUntil end of the current delay, or {@code null}
     */
    record Throttle(int failures, Instant lockedUntil) {
    }

    /**
     * Reads a throttle record.
     *
     * @param key the key ({@code ip:…} or {@code email:…})
     * @return the record, or empty
     */
    Optional<Throttle> find(String key);

    /**
     * Adds a failure and returns the new count; the record is created when missing.
     *
     * @param key the key
     * @param at the time of the failure
     * @return the consecutive failures including this one
     */
    int recordFailure(String key, Instant at);

    /**
     * Sets the delay of a key.
     *
     * @param key the key
     * @param lockedUntil end of the delay
     */
    void lock(String key, Instant lockedUntil);

    /**
     * Forgets a key after a success.
     *
     * @param key the key
     */
    void clear(String key);

    /**
     * Deletes records whose last failure is older than a cut-off and that are not locked past it.
     *
     * @param cutoff the cut-off
     * @return how many were deleted
     */
    int purge(Instant cutoff);
}
