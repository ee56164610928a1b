-- Each lead's stays from its activity log: an entry per creation, move, close and reopening (a close writes both
-- stage_changed and won/lost at one time, a reopening stage_changed and reopened: consecutive entries into the same
-- stage are one stay). A stay lasts until the next entry; stays still running are not counted.
WITH entries AS (
    SELECT a.lead_id, a.created_at, a.id,
           CASE WHEN a.activity_type IN ('won', 'lost') THEN 'closed' ELSE a.new_value END AS stage
      FROM crm.lead_activities a
      JOIN crm.leads l ON l.organization_id = a.organization_id AND l.id = a.lead_id
     WHERE a.organization_id = :organizationId AND l.organization_id = :organizationId AND l.deleted_at IS NULL
       AND a.activity_type IN ('created', 'stage_changed', 'reopened', 'won', 'lost')
), marked AS (
    SELECT lead_id, created_at, id, stage,
           lag(stage) OVER (PARTITION BY lead_id ORDER BY created_at, id) AS previous
      FROM entries
), stays AS (
    SELECT stage, created_at AS entered,
           lead(created_at) OVER (PARTITION BY lead_id ORDER BY created_at, id) AS left_at
      FROM marked
     WHERE previous IS DISTINCT FROM stage
), ended AS (
    SELECT stage, extract(epoch FROM left_at - entered) AS seconds
      FROM stays
     WHERE left_at >= :since AND left_at < :until
)
SELECT s.stage, count(e.seconds) AS stays,
       COALESCE(round(avg(e.seconds), 6), 0) AS average_seconds,
       COALESCE(round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY e.seconds) AS numeric), 6), 0)
           AS median_seconds
  FROM unnest(CAST(ARRAY['lead', 'contact', 'proposal', 'negotiation'] AS text[]))
       WITH ORDINALITY AS s (stage, position)
  LEFT JOIN ended e ON e.stage = s.stage
 GROUP BY s.stage, s.position
 ORDER BY s.position
