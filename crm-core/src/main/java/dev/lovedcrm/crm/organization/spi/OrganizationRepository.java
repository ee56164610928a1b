package dev.lovedcrm.crm.organization.spi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port for {@code crm.organizations}. Implemented by crm-jdbi; reached through
 * {@link dev.lovedcrm.crm.store.StoreTransaction#repository(Class)}.
 */
public interface OrganizationRepository {

    /**
     * Inserts a new organization row unless its slug is taken; an insert of the same slug by a concurrent
     * transaction is waited for, so two racing creations never both fail.
     *
     * @param organization the organization; its timestamps are set by the database
     * @return whether the row was inserted ({@code false}: the slug is taken)
     */
    boolean insertIfSlugFree(Organization organization);

    /**
     * Reads an organization visible in the current transaction.
     *
     * @param id the organization id
     * @return the organization, or empty when it does not exist or belongs to another tenant
     */
    Optional<Organization> findById(OrganizationId id);

    /**
     * Finds an organization by slug, across tenants (slugs are globally unique).
     *
     * @param slug the lower-case slug
     * @return the organization, or empty
     */
    Optional<Organization> findBySlug(String slug);

    /**
     * The active organizations in which a user is an active member, ordered by organization id.
     *
     * @param userId the user
     * @param after the last organization id of the previous page, or empty
     * @param limit how many rows at most
     * @return the memberships
     */
    List<OrganizationMembership> listForUser(UserId userId, Optional<OrganizationId> after, int limit);

    /**
     * Writes an organization's mutable fields (profile, settings, active flag).
     *
     * @param organization the organization with its new values
     */
    void update(Organization organization);
}
