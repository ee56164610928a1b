package dev.lovedcrm.crm.organization;

import dev.lovedcrm.crm.id.OrganizationId;

/**
 * What anyone may learn of an organization without being a member of it (a sign-in page, an invite
 * preview): no settings, no owner, no subscription. The full {@link Organization} comes only through a
 * scope, {@code scope.organization().get()}.
 *
 * @param id the organization
 * @param name its name
 * @param slug its slug
 * @param logoUrl its logo, or {@code null}
 * @param active whether it is active (scopes open only on active organizations)
 */
public record PublicOrganization(OrganizationId id, String name, String slug, String logoUrl, boolean active) {

    /**
     * The public part of an organization.
     *
     * @param organization the organization
     * @return its public view
     */
    public static PublicOrganization of(Organization organization) {
        return new PublicOrganization(organization.id(), organization.name(), organization.slug(),
                organization.logoUrl(), organization.active());
    }
}
