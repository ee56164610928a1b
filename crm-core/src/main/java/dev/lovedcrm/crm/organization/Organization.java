package dev.lovedcrm.crm.organization;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An organization: a tenant of the CRM, the owner of every lead, member, invite and setting in it.
 *
 * @param id the organization's id
 * @param name display name, 2 to 255 characters
 * @param slug unique URL-safe handle
 * @param description free text, or {@code null}
 * @param website normalised https URL, or {@code null}
 * @param logoUrl logo URL, or {@code null}
 * @param industry industry, or {@code null}
 * @param companySize company size band, or {@code null}
 * @param ownerId the current owner
 * @param active whether the organization is active (inactive ones open no scope)
 * @param verified whether the organization is verified
 * @param subscriptionStatus billing status ({@code free}, {@code trialing}, {@code active}, …)
 * @param trialEndsAt end of the trial period, or {@code null}
 * @param settings free-form settings (JSON object)
 * @param createdAt creation time
 * @param updatedAt last update time
 */
public record Organization(
        OrganizationId id,
        String name,
        String slug,
        String description,
        String website,
        String logoUrl,
        String industry,
        String companySize,
        UserId ownerId,
        boolean active,
        boolean verified,
        String subscriptionStatus,
        Instant trialEndsAt,
        Map<String, Object> settings,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Checks the required fields and copies the settings.
     *
     * @param id id
     * @param name name
     * @param slug slug
     * @param description description
     * @param website website
     * @param logoUrl logo URL
     * @param industry industry
     * @param companySize company size
     * @param ownerId owner
     * @param active active flag
     * @param verified verified flag
     * @param subscriptionStatus subscription status
     * @param trialEndsAt trial end
     * @param settings settings
     * @param createdAt creation time
     * @param updatedAt update time
     */
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(subscriptionStatus, "subscriptionStatus");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /**
     * A copy with another slug.
     *
     * @param slug the slug
     * @return the copy
     */
    public Organization withSlug(String slug) {
        return new Organization(id, name, slug, description, website, logoUrl, industry, companySize, ownerId, active,
                verified, subscriptionStatus, trialEndsAt, settings, createdAt, updatedAt);
    }

    /**
     * A copy with another owner.
     *
     * @param ownerId the owner
     * @return the copy
     */
    public Organization withOwner(UserId ownerId) {
        return new Organization(id, name, slug, description, website, logoUrl, industry, companySize, ownerId, active,
                verified, subscriptionStatus, trialEndsAt, settings, createdAt, updatedAt);
    }

    /**
     * A copy, active or not.
     *
     * @param active whether the organization is active
     * @return the copy
     */
    public Organization withActive(boolean active) {
        return new Organization(id, name, slug, description, website, logoUrl, industry, companySize, ownerId, active,
                verified, subscriptionStatus, trialEndsAt, settings, createdAt, updatedAt);
    }
}
