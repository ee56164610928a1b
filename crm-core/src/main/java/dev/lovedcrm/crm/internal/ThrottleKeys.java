package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import dev.lovedcrm.crm.error.RateLimitedException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keys of {@code crm.auth_throttle} and the one way every guessable check uses them: reserve the
 * attempt (count it) atomically <em>before</em> verifying, so concurrent guesses cannot all pass a
 * check-then-record window; a success then clears or releases what it reserved.
 *
 * <p>Keys: {@code email:} (SHA-256 of the lower-cased email, known or not), {@code ip:} (the canonical
 * address; IPv6 grouped by its /64, since one host usually owns a whole /64), {@code 2fa:<user>:<organization>} (a user in one
 * organization: second-factor guesses, never cleared by a password success) and {@code reset:} (password
 * reset requests per email).
 */
public final class ThrottleKeys {

    /** Failures per client address before delays start (higher than per account: offices share addresses). */
    public static final int ADDRESS_THRESHOLD = 20;
    /** The lock of an account past the hard limit: lifted only by a password reset. */
    public static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    private ThrottleKeys() {
    }

    public static String email(String normalizedEmail) {
        return "email:" + Tokens.hash(normalizedEmail);
    }

    /** Password reset requests of an email (known or not). */
    public static String passwordReset(String normalizedEmail) {
        return "reset:" + Tokens.hash(normalizedEmail);
    }

    /** Second-factor guesses of a user in one organization (ids are not secret; the prefix names all of a user's). */
    public static String secondFactor(UserId user, OrganizationId organization) {
        return secondFactorPrefix(user) + organization.value();
    }

    /** The prefix of every {@link #secondFactor} key of a user (a password reset clears them all). */
    public static String secondFactorPrefix(UserId user) {
        return "2fa:" + user.value() + ":";
    }

    /**
     * The key of a client address: the canonical form of the literal (so {@code 2001:DB8::1},
     * {@code 2001:db8:0:0:0:0:0:1} and {@code ::ffff:192.0.2.1} / {@code 192.0.2.1} are one address each),
     * and for IPv6 its /64 network. The address must already be a validated literal: no name is looked up.
     *
     * @param ipAddress a literal IPv4 or IPv6 address
     * @return the key
     */
    public static String address(String ipAddress) {
        InetAddress parsed;
        try {
            parsed = literal(ipAddress.trim()) ? InetAddress.getByName(ipAddress.trim()) : null;
        } catch (UnknownHostException e) {
            parsed = null;
        }
        if (parsed instanceof Inet4Address) {
            return "ip:" + parsed.getHostAddress();
        }
        if (parsed instanceof Inet6Address) {
            byte[] bytes = parsed.getAddress();
            StringBuilder net = new StringBuilder("ip:");
            for (int i = 0; i < 8; i += 2) {
                net.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return net.append(":/64").toString();
        }
        return "ip:" + ipAddress.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Only digits, hex letters, dots and colons: {@link InetAddress#getByName} then never resolves a name. */
    private static boolean literal(String text) {
        return !text.isEmpty() && text.length() <= 45 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

    /** The failures a key may have before delays start. */
    public static int threshold(String key, AuthSettings settings) {
        return key.startsWith("ip:") ? ADDRESS_THRESHOLD : settings.lockoutThreshold();
    }

    /**
     * Increasing delays after repeated failures: none below the threshold, then 1 s, 2 s, 4 s, …
     * doubling per failure, capped so nobody can lock anybody out for longer than the cap.
     */
    public static Duration delay(int failures, int threshold, Duration max) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - threshold, 30);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * Reserves one attempt on every key, in the caller's transaction (commit it before verifying
     * anything): each key's count goes up by one unless the key is delayed, and a count that reaches
     * the key's threshold sets the next delay at once, so concurrent attempts queue on the row and the
     * ones after the threshold are refused. Keys are taken in sorted order (no deadlocks between attempts).
     *
     * @param throttles the repository of the caller's transaction
     * @param keys the keys of the attempt
     * @param now the time of the attempt
     * @param settings thresholds and the longest delay
     * @return the count of each key including this attempt
     * @throws RateLimitedException {@code auth.rate_limited} when any key is delayed (then the caller's
     *     transaction must roll back, so nothing is reserved)
     */
    public static Map<String, Integer> reserve(ThrottleRepository throttles, Collection<String> keys, Instant now,
            AuthSettings settings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : new TreeSet<>(keys)) {
            Integer failures = throttles.reserve(key, now).orElse(null);
            if (failures == null) {
                Instant until = throttles.find(key).map(ThrottleRepository.Throttle::lockedUntil).orElse(now.plusSeconds(1));
                throw new RateLimitedException("auth.rate_limited", "too many failed attempts; try again later",
                        until.isAfter(now) ? Duration.between(now, until) : Duration.ofSeconds(1));
            }
            Duration delay = delay(failures, threshold(key, settings), settings.maxLockout());
            if (!delay.isZero()) {
                throttles.lock(key, now.plus(delay));
            }
            counts.put(key, failures);
        }
        return counts;
    }

    /** {@link #reserve(ThrottleRepository, Collection, Instant, AuthSettings)} with the runtime's settings. */
    public static Map<String, Integer> reserve(ThrottleRepository throttles, Collection<String> keys, Instant now,
            CrmRuntime runtime) {
        return reserve(throttles, keys, now, runtime.settings(AuthSettings.class));
    }

    /** {@link #release(ThrottleRepository, String, AuthSettings)} with the runtime's settings. */
    public static void release(ThrottleRepository throttles, String key, CrmRuntime runtime) {
        release(throttles, key, runtime.settings(AuthSettings.class));
    }

    /**
     * Locks an account until a password reset when a failed guess took a count past the hard limit
     * ({@link AuthSettings#hardLockAfter()}), in its own transaction. For an unknown account pass any id
     * (the statement then changes no row), so known and unknown accounts do the same work.
     *
     * @param runtime the runtime
     * @param user the account
     * @param failures the count of the failed guess
     */
    public static void hardLockIfPast(CrmRuntime runtime, UserId user, int failures) {
        if (failures < runtime.settings(AuthSettings.class).hardLockAfter()) {
            return;
        }
        runtime.store().inSystem("hard-lock an account after repeated failures", tx -> {
            tx.repository(UserRepository.class).recordFailedLogin(user, failures, FOREVER);
            return null;
        });
    }

    /**
     * Gives back a reservation after a success on a key that a success does not clear (an address).
     *
     * @param throttles the repository
     * @param key the key
     * @param settings thresholds
     */
    public static void release(ThrottleRepository throttles, String key, AuthSettings settings) {
        throttles.release(key, threshold(key, settings));
    }
}
