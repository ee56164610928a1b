package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.ActorKind;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an event in the outbox inside the current transaction and notifies the listeners once it
 * has committed.
 */
public final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final List<EventListener> listeners;
    private final Clock clock;

    public EventPublisher(List<EventListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    public DomainEvent publish(StoreTransaction tx, EventType type, OrganizationId organizationId, Principal actor,
            Map<String, Object> data) {
        DomainEvent event = new DomainEvent(UuidV7.next(), type.type(), organizationId,
                actor == null ? null : actor.actorId(), actor == null ? null : actor.kind(), clock.instant(), data);
        tx.repository(EventRepository.class).append(event);
        tx.afterCommit(() -> notifyListeners(event));
        return event;
    }

    /** An account-level event (no organization): listeners only, after commit. */
    public DomainEvent publishAccountEvent(StoreTransaction tx, EventType type, UserId actor, Map<String, Object> data) {
        DomainEvent event = new DomainEvent(UuidV7.next(), type.type(), null, actor == null ? null : actor.value(),
                actor == null ? null : ActorKind.USER, clock.instant(), data);
        tx.afterCommit(() -> notifyListeners(event));
        return event;
    }

    private void notifyListeners(DomainEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {} {}", listener.getClass().getName(), event.type(), event.id(), e);
            }
        }
    }
}
