package dev.lovedcrm.crm.auth.throttle.spi;

import java.time.Instant;
import java.util.Optional;

/** Persistence port for throttling guessable checks ({@code crm.auth_throttle}). */
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
     * @param key the key ({@code ip:…}, {@code email:…}, {@code 2fa:…} or {@code reset:…})
     * @return the record, or empty
     */
    Optional<Throttle> find(String key);

    /**
     * Reserves an attempt: adds one to the count unless the key is delayed at {@code at}, creating the
     * record when missing, in one statement that locks the row until the transaction ends (so
     * concurrent reservations of one key queue).
     *
     * @param key the key
     * @param at the time of the attempt
     * @return the count including this attempt, or empty when the key is delayed (nothing is counted)
     */
    Optional<Integer> reserve(String key, Instant at);

    /**
     * Gives back one reserved attempt after a success (for keys a success does not clear): the count
     * goes down by one, and a delay goes when the count falls below the threshold.
     *
     * @param key the key
     * @param threshold the key's threshold
     */
    void release(String key, int threshold);

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
     * Forgets every key that starts with a prefix (e.g. all second-factor keys of a user after a reset).
     *
     * @param prefix the prefix (no SQL wildcards)
     * @return how many were deleted
     */
    int clearPrefix(String prefix);

    /**
     * Deletes records whose last failure is older than a cut-off and that are not locked past it.
     *
     * @param cutoff the cut-off
     * @return how many were deleted
     */
    int purge(Instant cutoff);
}
