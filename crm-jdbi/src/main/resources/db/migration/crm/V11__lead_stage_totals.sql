-- Kanban (issue 9): maintained per-stage totals and the indexes of the Kanban's card queries.
--
-- * crm.lead_stage_totals holds, per organization and stage, how many leads are in the stage and the sum of
--   their estimated values (leads marked deleted do not count). The unfiltered Kanban reads its five exact counts
--   and sums from here (one index range read) instead of counting the tenant's leads on every call: at 100 000
--   leads per organization an exact count of the leads per stage costs about 20 ms even with the best index.
--   It is a tenant table like any other: keyed (organization_id, stage), the tenant's foreign key, and row-level
--   security with the standard policy (crm.enable_tenant_isolation).
-- * The totals are kept by statement-level triggers on crm.leads, in the same transaction as the change, for every
--   writer (the lead service, bulk work, imports, a host's SQL): a lead created, its estimated value changed, moved,
--   closed, reopened, marked deleted or removed. Each statement's changes are summed per (organization, stage) from
--   the transition tables and applied with one INSERT ... ON CONFLICT DO UPDATE SET lead_count = lead_count + ...
--   (an atomic increment under the row lock of the totals row), so concurrent changes never lose an update.
--   The rows are written in (organization_id, stage) order, so two transactions moving leads in opposite
--   directions lock the totals rows in the same order and cannot deadlock on them.
-- * The trigger function is SECURITY INVOKER: it writes the totals of the organizations whose leads the statement
--   changed, which row-level security already confines to the transaction's tenant.
-- * Existing leads are counted once here.
-- * leads.priority_rank: priority is an enum (crm.lead_priority) and enum comparisons are not leakproof, so under
--   row-level security PostgreSQL may not use `priority = ...` as an index condition (it is evaluated after the
--   policy, row by row). A stored smallint derived from it (low 1, medium 2, high 3, urgent 4) is compared with a
--   leakproof operator, so a priority filter reads the tenant's range of an index on it.
-- * idx_leads_org_assignee_stage_updated and idx_leads_org_priority_stage_updated: a Kanban column filtered by
--   assignee or by priority reads its first cards newest first
--   by (updated_at, id) as one index range (tenant, filter value, stage) in order, and pages on with the keyset
--   position as an index condition. Partial on unmarked rows, as every Kanban query reads only those. The
--   unfiltered column uses the seed's idx_leads_org_stage_updated (organization_id, stage, updated_at DESC, id DESC);
--   stage is a VARCHAR, compared with a leakproof operator.
-- * idx_leads_org_unassigned_stage_updated: "unassigned" is `assigned_user_id IS NULL`, which is an index condition
--   of the assignee index but does not make PostgreSQL treat the column as fixed, so it would sort the column's
--   unassigned leads before the LIMIT; a partial index on the unassigned leads keeps the read in index order.

CREATE TABLE crm.lead_stage_totals (
    organization_id UUID           NOT NULL,
    stage           VARCHAR(50)    NOT NULL,
    lead_count      BIGINT         NOT NULL DEFAULT 0,
    value_sum       NUMERIC(20, 2) NOT NULL DEFAULT 0,
    CONSTRAINT pk_lead_stage_totals PRIMARY KEY (organization_id, stage),
    CONSTRAINT fk_lead_stage_totals_organization FOREIGN KEY (organization_id)
        REFERENCES crm.organizations (id) ON DELETE CASCADE,
    CONSTRAINT ck_lead_stage_totals_stage CHECK (stage IN ('lead', 'contact', 'proposal', 'negotiation', 'closed'))
    -- No CHECK (lead_count >= 0): a decrement travels as the proposed row of INSERT ... ON CONFLICT DO UPDATE,
    -- and PostgreSQL checks that proposed row (with its negative delta) before it finds the conflict.
    -- KanbanTotalsPropertyIT compares the totals with a full recount instead.
);
SELECT crm.enable_tenant_isolation('crm.lead_stage_totals');

INSERT INTO crm.lead_stage_totals (organization_id, stage, lead_count, value_sum)
SELECT organization_id, stage, count(*), COALESCE(sum(estimated_value), 0)
  FROM crm.leads
 WHERE deleted_at IS NULL
 GROUP BY organization_id, stage;

CREATE FUNCTION crm.maintain_lead_stage_totals() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO crm.lead_stage_totals AS t (organization_id, stage, lead_count, value_sum)
        SELECT organization_id, stage, count(*), COALESCE(sum(estimated_value), 0)
          FROM new_rows WHERE deleted_at IS NULL
         GROUP BY organization_id, stage ORDER BY organization_id, stage
        ON CONFLICT (organization_id, stage) DO UPDATE
           SET lead_count = t.lead_count + EXCLUDED.lead_count, value_sum = t.value_sum + EXCLUDED.value_sum;
    ELSIF TG_OP = 'DELETE' THEN
        -- An UPDATE, never an insert: when an organization is deleted its leads and totals go in one cascade,
        -- and a totals row already gone needs no decrement (inserting one would point at a deleted organization).
        UPDATE crm.lead_stage_totals AS t
           SET lead_count = t.lead_count - d.n, value_sum = t.value_sum - d.v
          FROM (SELECT organization_id, stage, count(*) AS n, COALESCE(sum(estimated_value), 0) AS v
                  FROM old_rows WHERE deleted_at IS NULL GROUP BY organization_id, stage) AS d
         WHERE t.organization_id = d.organization_id AND t.stage = d.stage;
    ELSE
        INSERT INTO crm.lead_stage_totals AS t (organization_id, stage, lead_count, value_sum)
        SELECT organization_id, stage, sum(n), COALESCE(sum(v), 0)
          FROM (SELECT organization_id, stage, -1 AS n, -estimated_value AS v FROM old_rows WHERE deleted_at IS NULL
                UNION ALL
                SELECT organization_id, stage, 1, estimated_value FROM new_rows WHERE deleted_at IS NULL) AS d
         GROUP BY organization_id, stage
        HAVING sum(n) <> 0 OR COALESCE(sum(v), 0) <> 0
         ORDER BY organization_id, stage
        ON CONFLICT (organization_id, stage) DO UPDATE
           SET lead_count = t.lead_count + EXCLUDED.lead_count, value_sum = t.value_sum + EXCLUDED.value_sum;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION crm.maintain_lead_stage_totals() IS
    'Keeps crm.lead_stage_totals equal to the count and estimated-value sum of the unmarked leads per organization and stage (V11).';
REVOKE EXECUTE ON FUNCTION crm.maintain_lead_stage_totals() FROM PUBLIC;

CREATE TRIGGER trg_leads_stage_totals_insert AFTER INSERT ON crm.leads
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm.maintain_lead_stage_totals();
CREATE TRIGGER trg_leads_stage_totals_update AFTER UPDATE ON crm.leads
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm.maintain_lead_stage_totals();
CREATE TRIGGER trg_leads_stage_totals_delete AFTER DELETE ON crm.leads
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm.maintain_lead_stage_totals();

ALTER TABLE crm.leads
    ADD COLUMN priority_rank SMALLINT GENERATED ALWAYS AS (
        CASE priority WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'urgent' THEN 4 END) STORED;

CREATE INDEX idx_leads_org_assignee_stage_updated
    ON crm.leads (organization_id, assigned_user_id, stage, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_org_unassigned_stage_updated
    ON crm.leads (organization_id, stage, updated_at DESC, id DESC) WHERE deleted_at IS NULL AND assigned_user_id IS NULL;
CREATE INDEX idx_leads_org_priority_stage_updated
    ON crm.leads (organization_id, priority_rank, stage, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

INSERT INTO crm.schema_versions (version, description)
VALUES (11, 'lead stage totals (maintained by triggers), priority rank, Kanban indexes')
ON CONFLICT (version) DO NOTHING;
