package dev.lovedcrm.crm.preference.spi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.preference.Preferences;
import java.util.Optional;

/** Persistence port for {@code crm.user_preferences} (tenant-owned). */
public interface PreferencesRepository {

    /**
     * Reads and locks a member's preferences.
     *
     * @param organizationId the organization
     * @param userId the member
     * @return the preferences, or empty when none were saved
     */
    Optional<Preferences> lock(OrganizationId organizationId, UserId userId);

    /**
     * Inserts or replaces a member's preferences.
     *
     * @param organizationId the organization
     * @param userId the member
     * @param preferences the preferences
     */
    void save(OrganizationId organizationId, UserId userId, Preferences preferences);
}
