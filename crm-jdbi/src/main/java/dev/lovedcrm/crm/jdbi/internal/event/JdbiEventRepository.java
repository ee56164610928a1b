package dev.lovedcrm.crm.jdbi.internal.event;

import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link EventRepository} over the outbox table {@code crm.domain_events}. */
public interface JdbiEventRepository extends EventRepository {

    @Override
    @SqlUpdate("""
            INSERT INTO crm.domain_events (organization_id, id, event_type, actor_id, actor_kind, payload, occurred_at)
            VALUES (:organizationId, :id, :type, :actorId, :actorKind, :data, :occurredAt)""")
    void append(@BindMethods DomainEvent event);

    @Override
    default Page<DomainEvent> list(OrganizationId organizationId, PageRequest page) {
        UUID after = page.after().map(c -> UUID.fromString(c.key(0, 1))).orElse(null);
        return Page.fromRows(listBefore(organizationId, after, page.limit() + 1), page.limit(), e -> Cursor.of(e.id()));
    }

    /**
     * Events of a tenant, newest first.
     *
     * @param organizationId the tenant
     * @param after the id to continue below, or {@code null} for the newest
     * @param limit the most rows to return
     * @return the events
     */
    @SqlQuery("""
            SELECT id, organization_id, event_type AS type, actor_id, actor_kind, payload AS data, occurred_at
              FROM crm.domain_events
             WHERE organization_id = :organizationId AND (CAST(:after AS uuid) IS NULL OR id < :after)
             ORDER BY id DESC LIMIT :limit""")
    List<DomainEvent> listBefore(OrganizationId organizationId, UUID after, int limit);
}
