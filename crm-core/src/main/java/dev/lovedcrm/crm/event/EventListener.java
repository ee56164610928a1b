package dev.lovedcrm.crm.event;

/**
 * Receives domain events in-process, after the transaction that produced them has committed.
 * Register with {@code Crm.builder().eventListener(...)}. Called on the thread that made the
 * change; an exception thrown here is logged and does not undo the change. For delivery that must
 * not be lost (webhooks), read the outbox instead.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(DomainEvent event);
}
