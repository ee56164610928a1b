package dev.lovedcrm.crm.jdbi.internal.event;

import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link EventRepository} over the outbox table {@code crm.domain_events}. */
public interface JdbiEventRepository extends EventRepository {

    @Override
    default void append(DomainEvent e) {
        insertRow(e.organizationId(), e.id(), e.type(), e.actorId(), JsonCodec.write(e.data()), Times.offset(e.occurredAt()));
    }

    @SqlUpdate("""
            INSERT INTO crm.domain_events (organization_id, id, event_type, actor_id, payload, occurred_at)
            VALUES (:organizationId, :id, :type, :actorId, :payload, :occurredAt)""")
    void insertRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") UUID id, @Bind("type") String type,
            @Bind("actorId") UserId actorId, @Bind("payload") Jsonb payload, @Bind("occurredAt") OffsetDateTime occurredAt);

    @Override
    default Page<DomainEvent> list(OrganizationId organizationId, PageRequest page) {
        UUID after = page.after().map(c -> UUID.fromString(c.key(0, 1))).orElse(null);
        return Page.fromRows(listRows(organizationId, after, page.limit() + 1), page.limit(), r -> Cursor.of(r.id()))
                .map(Row::toEvent);
    }

    @SqlQuery("""
            SELECT id, organization_id, event_type, actor_id, payload, occurred_at FROM crm.domain_events
             WHERE organization_id = :organizationId AND (CAST(:after AS uuid) IS NULL OR id < :after)
             ORDER BY id DESC LIMIT :limit""")
    @RegisterConstructorMapper(Row.class)
    List<Row> listRows(@Bind("organizationId") OrganizationId organizationId, @Bind("after") UUID after,
            @Bind("limit") int limit);

    /** One row of {@code crm.domain_events}. */
    record Row(UUID id, OrganizationId organizationId, String eventType, UserId actorId, Jsonb payload,
            OffsetDateTime occurredAt) {

        DomainEvent toEvent() {
            return new DomainEvent(id, eventType, organizationId, actorId, Times.instant(occurredAt),
                    JsonCodec.readObject(payload));
        }
    }
}
