package dev.lovedcrm.crm.organization.internal;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.organization.Organization;

/** Copies of an organization with one thing changed. */
public final class OrganizationCopies {

    private OrganizationCopies() {
    }

    static Organization withSlug(Organization o, String slug) {
        return new Organization(o.id(), o.name(), slug, o.description(), o.website(), o.logoUrl(), o.industry(),
                o.companySize(), o.ownerId(), o.active(), o.verified(), o.subscriptionStatus(), o.trialEndsAt(),
                o.settings(), o.createdAt(), o.updatedAt());
    }

    public static Organization withOwner(Organization o, UserId owner) {
        return new Organization(o.id(), o.name(), o.slug(), o.description(), o.website(), o.logoUrl(), o.industry(),
                o.companySize(), owner, o.active(), o.verified(), o.subscriptionStatus(), o.trialEndsAt(),
                o.settings(), o.createdAt(), o.updatedAt());
    }

    static Organization withActive(Organization o, boolean active) {
        return new Organization(o.id(), o.name(), o.slug(), o.description(), o.website(), o.logoUrl(), o.industry(),
                o.companySize(), o.ownerId(), active, o.verified(), o.subscriptionStatus(), o.trialEndsAt(),
                o.settings(), o.createdAt(), o.updatedAt());
    }
}
