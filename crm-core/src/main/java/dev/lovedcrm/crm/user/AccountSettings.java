package dev.lovedcrm.crm.user;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of the one-time tokens of accounts. Start from {@link #defaults()} and change what you need;
 * give it to {@code Crm.builder().accountSettings(...)}.
 *
 * @param emailVerificationTtl how long an email verification token lives (default 48 h)
 * @param passwordResetTtl how long a password reset token lives (default 1 h)
 */
public record AccountSettings(Duration emailVerificationTtl, Duration passwordResetTtl) {

    /**
     * Checks the values.
     *
     * @param emailVerificationTtl email verification token lifetime, positive
     * @param passwordResetTtl password reset token lifetime, positive
     * @throws IllegalArgumentException when a value is not positive
     */
    public AccountSettings {
        positive("emailVerificationTtl", emailVerificationTtl);
        positive("passwordResetTtl", passwordResetTtl);
    }

    /**
     * The defaults listed on each component.
     *
     * @return the settings
     */
    public static AccountSettings defaults() {
        return new AccountSettings(Duration.ofHours(48), Duration.ofHours(1));
    }

    private static void positive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
