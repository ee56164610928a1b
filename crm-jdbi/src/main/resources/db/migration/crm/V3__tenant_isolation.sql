-- Tenant isolation, second wall: row-level security on every tenant-owned table, plus the
-- domain-event outbox.
--
-- Role set-up (see docs/tenancy.md): one role owns the schema and runs these migrations; the
-- application connects as a different, ordinary role (not superuser, not BYPASSRLS, not the owner).
-- RLS is ENABLED but deliberately not FORCED: the owner stays exempt, so SECURITY DEFINER functions
-- owned by it (the lead search of a later migration) can use GIN indexes, while reading the tenant
-- from the same transaction setting, never from a parameter. The application role is always subject
-- to the policies. CrmDatabase.verifyRuntimeRole(...) refuses or warns when the runtime role would
-- bypass them.
--
-- The tenant is a transaction-local setting written by the SDK at the start of every tenant
-- transaction: set_config('crm.organization_id', '<uuid>', true). Absent or empty, it matches no
-- row (fail closed). System mode, for the few audited cross-tenant operations (sign-in, a user's
-- own organization list, invite look-up by token, job workers), is the transaction-local setting
-- crm.system = 'on'.

CREATE TABLE crm.domain_events (
    organization_id UUID         NOT NULL REFERENCES crm.organizations (id) ON DELETE CASCADE,
    id              UUID         NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    actor_id        UUID,
    payload         JSONB        NOT NULL DEFAULT '{}'::jsonb,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Set by the webhook dispatcher (a later issue) once every subscriber has the event.
    published_at    TIMESTAMPTZ,
    CONSTRAINT pk_domain_events PRIMARY KEY (organization_id, id)
);
COMMENT ON TABLE crm.domain_events IS
    'Outbox of domain events (member.joined, invite.created, ...), written in the transaction of the change.';
CREATE INDEX idx_domain_events_unpublished ON crm.domain_events (occurred_at) WHERE published_at IS NULL;

-- At most one pending invite per email and organization: a second invite replaces the first, and
-- this index makes two concurrent invites to the same email unable to both stay pending.
CREATE UNIQUE INDEX uq_organization_invites_pending_email
    ON crm.organization_invites (organization_id, email) WHERE status = 'pending';

CREATE FUNCTION crm.current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('crm.organization_id', true), '')::uuid $$;
COMMENT ON FUNCTION crm.current_tenant() IS
    'The organization of the current transaction, or NULL outside a tenant transaction.';

CREATE FUNCTION crm.system_mode() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('crm.system', true), '') = 'on' $$;
COMMENT ON FUNCTION crm.system_mode() IS
    'True inside an explicit, audited cross-tenant transaction of the SDK.';

ALTER TABLE crm.organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.organizations
    USING (id = crm.current_tenant() OR crm.system_mode())
    WITH CHECK (id = crm.current_tenant() OR crm.system_mode());

-- Every table with a NOT NULL organization_id is tenant-owned. A schema test fails if a later
-- migration adds one without row-level security.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
         WHERE n.nspname = 'crm' AND c.relkind = 'r' AND a.attnotnull
    LOOP
        EXECUTE format('ALTER TABLE crm.%I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON crm.%I '
            'USING (organization_id = crm.current_tenant() OR crm.system_mode()) '
            'WITH CHECK (organization_id = crm.current_tenant() OR crm.system_mode())', t.relname);
    END LOOP;
END
$$;

INSERT INTO crm.schema_versions (version, description)
VALUES (3, 'tenant isolation: row-level security, domain event outbox')
ON CONFLICT (version) DO NOTHING;
