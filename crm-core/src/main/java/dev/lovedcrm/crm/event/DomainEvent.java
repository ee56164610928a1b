package dev.lovedcrm.crm.event;

import dev.lovedcrm.crm.ActorKind;
import dev.lovedcrm.crm.id.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in an organization, such as {@code member.joined}. Events are written to
 * the outbox ({@code crm.domain_events}) in the same transaction as the change, so none is lost,
 * and handed to in-process {@link EventListener}s after that transaction commits.
 *
 * @param id unique event id (UUIDv7), usable as an idempotency key by consumers
 * @param type the event type, one of {@link EventType}'s constants' {@code type()}
 * @param organizationId the organization it happened in, or {@code null} for an account-level event
 *     (such as {@code user.registered}), which goes to listeners only, not to the outbox
 * @param actorId who caused it: a user id when {@code actorKind} is {@code USER}, an API key id when it is
 *     {@code API_KEY}; {@code null} when nobody did (an invite expiring, an invitee declining)
 * @param actorKind the kind of {@code actorId}, {@code null} exactly when it is {@code null}
 * @param occurredAt when it happened
 * @param data event-specific details (JSON object); never secrets
 */
public record DomainEvent(
                UUID id, String type, OrganizationId organizationId, UUID actorId, ActorKind actorKind, Instant occurredAt,
        Map<String, Object> data) {

    /**
     * Checks the required fields and copies the data.
     *
     * @param id id
     * @param type type
     * @param organizationId organization
     * @param actorId actor
     * @param actorKind kind of actor
     * @param occurredAt time
     * @param data details
     */
    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if ((actorId == null) != (actorKind == null)) {
            throw new IllegalArgumentException("an actor id comes with its kind");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
