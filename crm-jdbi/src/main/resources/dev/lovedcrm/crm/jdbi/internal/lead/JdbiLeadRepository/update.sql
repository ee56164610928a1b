-- Writes every changeable field of a lead (updated_at is set by the trigger of V1) and reads it back.
UPDATE crm.leads
   SET name = :name, email = :email, phone = :phone, company = :company, position = :position, stage = :stage,
       source = :source, priority = :priority, estimated_value = :estimatedValue, actual_value = :actualValue,
       is_closed = :closed, is_won = :won, is_favorite = :favorite, assigned_user_id = :assignedUserId,
       notes = :notes, tags = :tags, lead_metadata = :metadata, lost_reason = :lostReason, closed_at = :closedAt
 WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
RETURNING id, organization_id, name, email, phone, company, position, stage, source, priority, estimated_value,
          actual_value, is_closed AS closed, is_won AS won, is_favorite AS favorite, assigned_user_id, last_contact_at,
          last_contact_channel, notes, tags, lead_metadata AS metadata, lost_reason, created_at, updated_at, closed_at
