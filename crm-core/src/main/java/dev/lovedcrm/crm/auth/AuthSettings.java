package dev.lovedcrm.crm.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes and limits of sign-in: sessions and brute-force protection (one-time token lifetimes are in
 * {@code AccountSettings}). Start from
 * {@link #defaults()} and change what you need; give it to {@code Crm.builder().authSettings(...)}.
 *
 * @param sessionIdleTimeout a session expires after this long without use (sliding; default 12 h)
 * @param sessionMaxLifetime refresh tokens stop working this long after login (default 30 days)
 * @param refreshGracePeriod a just-rotated refresh token may be presented again within this window,
 *     for a client that lost the response (default 10 s, at most 10 s)
 * @param lockoutThreshold consecutive failures per account before delays start (default 5)
 * @param maxLockout the longest delay imposed on an account or address (default 15 min)
 * @param hardLockAfter consecutive failures after which an account locks until reset or admin (default 100)
 */
public record AuthSettings(
        Duration sessionIdleTimeout,
        Duration sessionMaxLifetime,
        Duration refreshGracePeriod,
        int lockoutThreshold,
        Duration maxLockout,
        int hardLockAfter) {

    /**
     * Checks the values.
     *
     * @param sessionIdleTimeout sliding session expiry
     * @param sessionMaxLifetime absolute refresh lifetime
     * @param refreshGracePeriod retry window for a rotated refresh token
     * @param lockoutThreshold failures before delays
     * @param maxLockout longest delay
     * @param hardLockAfter failures before a hard lock
     */
    public AuthSettings {
        positive("sessionIdleTimeout", sessionIdleTimeout);
        positive("sessionMaxLifetime", sessionMaxLifetime);
        Objects.requireNonNull(refreshGracePeriod, "refreshGracePeriod");
        if (refreshGracePeriod.isNegative() || refreshGracePeriod.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("refreshGracePeriod must be between 0 and 10 seconds");
        }
        if (lockoutThreshold < 1 || hardLockAfter < lockoutThreshold || hardLockAfter > 100) {
            throw new IllegalArgumentException("need 1 <= lockoutThreshold <= hardLockAfter <= 100");
        }
        positive("maxLockout", maxLockout);
    }

    /**
     * The defaults listed on each component.
     *
     * @return the settings
     */
    public static AuthSettings defaults() {
        return new AuthSettings(Duration.ofHours(12), Duration.ofDays(30),
                Duration.ofSeconds(10), 5, Duration.ofMinutes(15), 100);
    }

    private static void positive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
