-- The leads created in the period (not deleted), and every stage each was ever in: its stage now, and the stage
-- entered by each creation, move, close (won or lost: closed) and reopening in the activity log.
WITH cohort AS (
    SELECT id, stage
      FROM crm.leads
     WHERE organization_id = :organizationId AND deleted_at IS NULL
       AND created_at >= :since AND created_at < :until
), reached AS (
    SELECT c.id, c.stage
      FROM cohort c
     UNION
    SELECT a.lead_id, CASE WHEN a.activity_type IN ('won', 'lost') THEN 'closed' ELSE a.new_value END
      FROM crm.lead_activities a
      JOIN cohort c ON c.id = a.lead_id
     WHERE a.organization_id = :organizationId
       AND a.activity_type IN ('created', 'stage_changed', 'reopened', 'won', 'lost')
), total AS (
    SELECT count(*) AS leads FROM cohort
)
SELECT s.stage, count(r.id) AS reached,
       CASE WHEN t.leads = 0 THEN 0 ELSE round(count(r.id)::numeric / t.leads, 4) END AS share
  FROM unnest(CAST(ARRAY['lead', 'contact', 'proposal', 'negotiation', 'closed'] AS text[]))
       WITH ORDINALITY AS s (stage, position)
 CROSS JOIN total t
  LEFT JOIN reached r ON r.stage = s.stage
 GROUP BY s.stage, s.position, t.leads
 ORDER BY s.position
