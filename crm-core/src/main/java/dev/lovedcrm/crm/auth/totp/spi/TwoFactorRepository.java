package dev.lovedcrm.crm.auth.totp.spi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for {@code crm.user_two_factor} (tenant-owned: one row per user and organization). */
public interface TwoFactorRepository {

    /**
     * The stored second factor of a user in an organization.
     *
     * @param secret the Base32 TOTP secret (a secret: never log it)
     * @param backupCodeHashes hashes of the unused backup codes
     * @param usedBackupCodeHashes hashes of the used backup codes
     * @param enabled whether it is confirmed and required
     * @param confirmedAt confirmation time, or {@code null}
     * @param lastUsedAt last successful use, or {@code null}
     */
    record Stored(String secret, List<String> backupCodeHashes, List<String> usedBackupCodeHashes, boolean enabled,
            Instant confirmedAt, Instant lastUsedAt) {

        /** Never prints the secret or hashes. */
        @Override
        public String toString() {
            return "Stored[enabled=" + enabled + "]";
        }
    }

    /**
     * Reads and locks the row of a user in an organization.
     *
     * @param organizationId the organization
     * @param userId the user
     * @return the row, or empty
     */
    Optional<Stored> lock(OrganizationId organizationId, UserId userId);

    /**
     * Creates or replaces a not-yet-confirmed enrolment (new secret, no backup codes, disabled).
     *
     * @param organizationId the organization
     * @param userId the user
     * @param secret the new secret
     */
    void enrol(OrganizationId organizationId, UserId userId, String secret);

    /**
     * Writes the enabled flag, confirmation time and backup codes.
     *
     * @param organizationId the organization
     * @param userId the user
     * @param stored the new values (the secret is not changed)
     */
    void update(OrganizationId organizationId, UserId userId, Stored stored);

    /**
     * Records that a TOTP step was used, only if it is later than the last used one (atomic: two
     * concurrent uses of one code cannot both succeed).
     *
     * @param organizationId the organization
     * @param userId the user
     * @param step the time step of the accepted code
     * @param at the time of use
     * @return true when the step was accepted, false when it (or a later one) was already used
     */
    boolean acceptStep(OrganizationId organizationId, UserId userId, long step, Instant at);

    /**
     * Removes the second factor of a user in an organization.
     *
     * @param organizationId the organization
     * @param userId the user
     */
    void delete(OrganizationId organizationId, UserId userId);
}
