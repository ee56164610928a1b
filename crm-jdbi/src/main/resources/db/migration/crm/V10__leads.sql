-- Leads and their activity log (issue 9, first slice: CRUD, pipeline basics, activity log, plan limit).
--
-- crm.leads and crm.lead_activities exist since V1 with the seed's columns, and row-level security since V3
-- (both are tenant tables, keyed (organization_id, id)). This migration adds what the lead service needs, each
-- addition with its reason:
--
-- * leads.lost_reason: closeAsLost takes a reason, and the lead itself should say why it was lost (the
--   activity log says it too, but a host shows the lead without reading its timeline).
-- * leads.deleted_at: deleting a lead keeps its row, marked. lead_activities references leads with ON DELETE
--   CASCADE (V1), so removing the row would remove its activity log with it, including the "deleted" row the
--   service writes; a marked row keeps the timeline readable after the delete. Every statement of the lead
--   repository reads only unmarked rows; the plan's lead quota counts only those. A later purge job may remove
--   marked rows for good.
-- * ck_leads_pipeline_state: is_closed, is_won and closed_at always agree with the stage (closed exactly in
--   stage 'closed'; won only when closed; closed_at set exactly when closed; a lost reason only on a lost lead).
--   The service keeps this; the CHECK makes any other writer (a host's SQL, a bug) fail instead of storing a
--   contradiction. Rows written before this migration are first brought in line (stage wins; a missing close
--   time becomes the last update).
-- * ck_leads_tags: at most 20 tags, as the service allows.
-- * idx_leads_org_created / idx_leads_org_updated: the list is keyset-paged newest first on (created_at, id) or
--   (updated_at, id) within the tenant; partial on unmarked rows, which is what every list reads. The explicit
--   organization_id filter of each statement is their first column, so they serve the tenant's range under
--   row-level security too.
-- * lead_activities.activity_metadata: the seed's table names the actor by user_id only. When an API key acts,
--   user_id stays NULL and the metadata holds {"actorKind": "api_key", "apiKeyId": "..."}; field changes name
--   the field ({"field": "email"}).
-- * The three seed indexes of lead_activities keep their names and gain the keyset columns (created_at DESC,
--   id DESC), so the timeline per lead, per organization and per type is read in index order; rows written by
--   one change share a time and are ordered by their UUIDv7 ids.

ALTER TABLE crm.leads
    ADD COLUMN lost_reason TEXT,
    ADD COLUMN deleted_at  TIMESTAMPTZ;

UPDATE crm.leads
   SET is_closed = (stage = 'closed'),
       is_won = (is_won AND stage = 'closed'),
       closed_at = CASE WHEN stage = 'closed' THEN COALESCE(closed_at, updated_at) END
 WHERE is_closed IS DISTINCT FROM (stage = 'closed')
    OR (is_won AND stage <> 'closed')
    OR (closed_at IS NULL) = (stage = 'closed');

ALTER TABLE crm.leads
    ADD CONSTRAINT ck_leads_pipeline_state CHECK (
        is_closed = (stage = 'closed')
        AND (is_closed OR NOT is_won)
        AND (closed_at IS NOT NULL) = is_closed
        AND (lost_reason IS NULL OR (is_closed AND NOT is_won))),
    ADD CONSTRAINT ck_leads_tags CHECK (cardinality(tags) <= 20);

CREATE INDEX idx_leads_org_created ON crm.leads (organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_leads_org_updated ON crm.leads (organization_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

ALTER TABLE crm.lead_activities
    ADD COLUMN activity_metadata JSONB NOT NULL DEFAULT '{}'::jsonb;

DROP INDEX crm.idx_lead_activities_org_id;
CREATE INDEX idx_lead_activities_org_id ON crm.lead_activities (organization_id, created_at DESC, id DESC);
DROP INDEX crm.idx_lead_activities_lead_id;
CREATE INDEX idx_lead_activities_lead_id ON crm.lead_activities (organization_id, lead_id, created_at DESC, id DESC);
DROP INDEX crm.idx_lead_activities_type;
CREATE INDEX idx_lead_activities_type ON crm.lead_activities (organization_id, activity_type, created_at DESC, id DESC);

INSERT INTO crm.schema_versions (version, description)
VALUES (10, 'leads: pipeline state check, lost reason, soft delete, list and timeline indexes, activity metadata')
ON CONFLICT (version) DO NOTHING;
