package dev.lovedcrm.crm.lead.spi;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of the idempotency keys of lead creation ({@code crm.lead_idempotency_keys}): per organization and key,
 * the fingerprint of the first payload, the lead it created and when. Written in the transaction that creates the
 * lead, so a key exists exactly when its lead does.
 */
public interface LeadIdempotencyRepository {

    /**
     * Claims a key for a lead about to be created: {@code INSERT ... ON CONFLICT DO NOTHING}. A concurrent
     * transaction holding the same key makes this wait until it ends; it then answers 0 if that transaction
     * committed, 1 if it rolled back.
     *
     * @param organizationId the tenant
     * @param key the idempotency key
     * @param fingerprint the payload's fingerprint
     * @param leadId the lead the caller will create in this transaction
     * @param at now
     * @return 1 when claimed, 0 when the key is already stored
     */
    int claim(OrganizationId organizationId, String key, String fingerprint, LeadId leadId, Instant at);

    /**
     * A stored key.
     *
     * @param organizationId the tenant
     * @param key the idempotency key
     * @return the stored key, if any
     */
    Optional<StoredIdempotencyKey> find(OrganizationId organizationId, String key);

    /**
     * Takes over an expired key (stored at or before {@code expiredAtOrBefore}) for a new lead. A concurrent
     * transaction taking over the same key makes this wait; it then answers 0 (the key is no longer expired).
     *
     * @param organizationId the tenant
     * @param key the idempotency key
     * @param fingerprint the new payload's fingerprint
     * @param leadId the lead the caller will create in this transaction
     * @param at now
     * @param expiredAtOrBefore the latest storage time of an expired key
     * @return 1 when taken over, 0 when the key is not (or no longer) expired
     */
    int replaceExpired(OrganizationId organizationId, String key, String fingerprint, LeadId leadId, Instant at,
            Instant expiredAtOrBefore);

    /**
     * A stored idempotency key.
     *
     * @param fingerprint the fingerprint of the first payload
     * @param leadId the lead it created
     * @param createdAt when
     */
    record StoredIdempotencyKey(String fingerprint, LeadId leadId, Instant createdAt) {
    }
}
