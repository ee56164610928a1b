-- Idempotent lead creation (issue 9): leads().create(lead, idempotencyKey).
--
-- * crm.lead_idempotency_keys holds, per organization and key, the SHA-256 fingerprint of the first payload (a
--   canonical form of the normalised NewLead, computed by the service), the lead it created and when. The row is
--   written in the same transaction as the lead, before it: a concurrent creation with the same key inserts with
--   ON CONFLICT DO NOTHING, waits on the first transaction's index entry, and then reads the winner's row (or
--   takes the key if the winner rolled back). So one key creates exactly one lead.
-- * A key counts for 24 hours (decided by the service with its clock); afterwards the service overwrites the row
--   for the new lead (an UPDATE guarded by the old created_at, so two concurrent reuses create one lead).
-- * The lead foreign key is DEFERRABLE INITIALLY DEFERRED because the key is claimed before the lead row is
--   inserted; it is checked at commit. Leads are only marked deleted, so the row outlives a deleted lead; it goes
--   with its organization.
-- * A tenant table like any other: keyed (organization_id, idempotency_key), the tenant's foreign key, and
--   row-level security with the standard policy (crm.enable_tenant_isolation).
CREATE TABLE crm.lead_idempotency_keys (
    organization_id     UUID         NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    payload_fingerprint CHAR(64)     NOT NULL,
    lead_id             UUID         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT pk_lead_idempotency_keys PRIMARY KEY (organization_id, idempotency_key),
    CONSTRAINT fk_lead_idempotency_keys_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_lead_idempotency_keys_lead FOREIGN KEY (organization_id, lead_id)
        REFERENCES crm.leads (organization_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT ck_lead_idempotency_keys_key CHECK (length(idempotency_key) BETWEEN 1 AND 255)
);

SELECT crm.enable_tenant_isolation('crm.lead_idempotency_keys');

INSERT INTO crm.schema_versions (version, description)
VALUES (14, 'lead idempotency keys: one lead per organization and key within 24 hours')
ON CONFLICT (version) DO NOTHING;
