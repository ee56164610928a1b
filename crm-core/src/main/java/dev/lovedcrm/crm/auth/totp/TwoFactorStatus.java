package dev.lovedcrm.crm.auth.totp;

import java.time.Instant;

/**
 * Where a member's second factor stands in one organization.
 *
 * @param enrolled whether an enrolment exists (confirmed or not)
 * @param enabled whether it is confirmed and required
 * @param backupCodesLeft unused backup codes
 * @param confirmedAt confirmation time, or {@code null}
 * @param lastUsedAt last successful use, or {@code null}
 */
public record TwoFactorStatus(boolean enrolled, boolean enabled, int backupCodesLeft, Instant confirmedAt, Instant lastUsedAt) {
}
