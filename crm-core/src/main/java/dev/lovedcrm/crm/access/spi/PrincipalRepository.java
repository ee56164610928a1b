package dev.lovedcrm.crm.access.spi;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.id.ApiKeyId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Persistence port for the re-check of the acting principal: its current state, read in the
 * operation's own transaction. Every method takes the organization explicitly and filters by it.
 */
public interface PrincipalRepository {

    /**
     * The member as the database has it now, when the membership, the organization and the user's account
     * are all active.
     *
     * @param organizationId the organization
     * @param userId the member's user
     * @return the principal with its current role and overrides, or empty
     */
    Optional<MemberPrincipal> activeMember(OrganizationId organizationId, UserId userId);

    /**
     * {@link #activeMember}, locking the membership row until the transaction ends (for changes that depend
     * on the actor's role staying as read).
     *
     * @param organizationId the organization
     * @param userId the member's user
     * @return the principal, or empty
     */
    Optional<MemberPrincipal> lockActiveMember(OrganizationId organizationId, UserId userId);

    /**
     * The API key as the database has it now, when it is active, not expired at {@code now}, and the
     * organization is active. Scope codes that name no {@code Action} are ignored.
     *
     * @param organizationId the organization
     * @param keyId the key
     * @param now the current time
     * @return the principal with its current scopes, or empty
     */
    Optional<ApiKeyPrincipal> activeApiKey(OrganizationId organizationId, ApiKeyId keyId, Instant now);
}
