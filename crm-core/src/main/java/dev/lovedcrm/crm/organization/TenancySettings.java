package dev.lovedcrm.crm.organization;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of tenancy: trials and invites. Start from {@link #defaults()} and change what you need; give it
 * to {@code Crm.builder().tenancySettings(...)}.
 *
 * @param trialPeriod how long a new organization's trial lasts (default 14 days; 0 to 3650 days)
 * @param inviteExpiry how long an invite stays acceptable (default 7 days; 1 minute to 365 days)
 */
public record TenancySettings(Duration trialPeriod, Duration inviteExpiry) {

    private static final Duration MAX_TRIAL = Duration.ofDays(3650);
    private static final Duration MAX_INVITE_EXPIRY = Duration.ofDays(365);

    /**
     * Checks the values.
     *
     * @param trialPeriod the trial length
     * @param inviteExpiry the invite lifetime
     * @throws IllegalArgumentException when a value is out of its range
     */
    public TenancySettings {
        Objects.requireNonNull(trialPeriod, "trialPeriod");
        Objects.requireNonNull(inviteExpiry, "inviteExpiry");
        if (trialPeriod.isNegative() || trialPeriod.compareTo(MAX_TRIAL) > 0) {
            throw new IllegalArgumentException("trialPeriod must be between 0 and 3650 days");
        }
        if (inviteExpiry.compareTo(Duration.ofMinutes(1)) < 0 || inviteExpiry.compareTo(MAX_INVITE_EXPIRY) > 0) {
            throw new IllegalArgumentException("inviteExpiry must be between 1 minute and 365 days");
        }
    }

    /**
     * The defaults listed on each component.
     *
     * @return the settings
     */
    public static TenancySettings defaults() {
        return new TenancySettings(Duration.ofDays(14), Duration.ofDays(7));
    }

    /**
     * A copy with another trial length.
     *
     * @param trialPeriod the trial length
     * @return the settings
     */
    public TenancySettings withTrialPeriod(Duration trialPeriod) {
        return new TenancySettings(trialPeriod, inviteExpiry);
    }

    /**
     * A copy with another invite lifetime.
     *
     * @param inviteExpiry the invite lifetime
     * @return the settings
     */
    public TenancySettings withInviteExpiry(Duration inviteExpiry) {
        return new TenancySettings(trialPeriod, inviteExpiry);
    }
}
