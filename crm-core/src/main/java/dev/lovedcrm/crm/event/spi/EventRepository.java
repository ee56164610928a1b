package dev.lovedcrm.crm.event.spi;

import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;

/** Persistence port for the event outbox, {@code crm.domain_events}. */
public interface EventRepository {

    /**
     * Appends an event in the current transaction.
     *
     * @param event the event
     */
    void append(DomainEvent event);

    /**
     * An organization's events, newest first.
     *
     * @param organizationId the organization
     * @param page which page
     * @return the events
     */
    Page<DomainEvent> list(OrganizationId organizationId, PageRequest page);
}
