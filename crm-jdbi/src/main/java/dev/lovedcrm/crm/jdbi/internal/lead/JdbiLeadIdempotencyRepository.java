package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.spi.LeadIdempotencyRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link LeadIdempotencyRepository} over {@code crm.lead_idempotency_keys} (V14). The claim is an
 * {@code INSERT ... ON CONFLICT DO NOTHING} on the primary key (organization_id, idempotency_key): a second
 * transaction inserting the same key waits on the first one's uncommitted index entry and then does nothing (first
 * committed) or inserts (first rolled back).
 */
public interface JdbiLeadIdempotencyRepository extends LeadIdempotencyRepository {

    @Override
    @SqlUpdate("""
            INSERT INTO crm.lead_idempotency_keys (organization_id, idempotency_key, payload_fingerprint, lead_id, created_at)
            VALUES (:organizationId, :key, :fingerprint, :leadId, :at)
            ON CONFLICT (organization_id, idempotency_key) DO NOTHING""")
    int claim(OrganizationId organizationId, String key, String fingerprint, LeadId leadId, Instant at);

    @Override
    @SqlQuery("""
            SELECT payload_fingerprint AS fingerprint, lead_id, created_at FROM crm.lead_idempotency_keys
             WHERE organization_id = :organizationId AND idempotency_key = :key""")
    Optional<StoredIdempotencyKey> find(OrganizationId organizationId, String key);

    @Override
    @SqlUpdate("""
            UPDATE crm.lead_idempotency_keys SET payload_fingerprint = :fingerprint, lead_id = :leadId, created_at = :at
             WHERE organization_id = :organizationId AND idempotency_key = :key AND created_at <= :expiredAtOrBefore""")
    int replaceExpired(OrganizationId organizationId, String key, String fingerprint, LeadId leadId, Instant at,
            Instant expiredAtOrBefore);
}
