package dev.lovedcrm.crm.activity;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a lead's activity log.
 *
 * <p>The actor: {@code userId} is the acting member. When an API key acted, {@code userId} is {@code null} and
 * {@code metadata} holds {@code "actorKind": "api_key"} and {@code "apiKeyId"} (the seed's table has a user
 * column only).
 *
 * @param id the row
 * @param organizationId the organization
 * @param leadId the lead
 * @param type what happened
 * @param description a short English description
 * @param oldValue the value before, as text, or {@code null}
 * @param newValue the value after, as text, or {@code null}
 * @param userId the acting member, or {@code null} (an API key, or a user since deleted)
 * @param metadata details: {@code field} for field changes, {@code actorKind}/{@code apiKeyId} for API keys
 * @param createdAt when (the transaction's time: rows of one change share it and are ordered by id)
 */
public record Activity(ActivityId id, OrganizationId organizationId, LeadId leadId, ActivityType type,
        String description, String oldValue, String newValue, UserId userId, Map<String, Object> metadata,
        Instant createdAt) {

    /**
     * Checks the required fields and copies the metadata.
     *
     * @param id id
     * @param organizationId organization
     * @param leadId lead
     * @param type type
     * @param description description
     * @param oldValue old value
     * @param newValue new value
     * @param userId actor
     * @param metadata details
     * @param createdAt time
     */
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(type, "type");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
