-- Stores a new lead and reads it back as stored.
INSERT INTO crm.leads (organization_id, id, name, email, phone, company, position, stage, source, priority,
                       estimated_value, actual_value, is_closed, is_won, is_favorite, assigned_user_id,
                       last_contact_at, last_contact_channel, notes, tags, lead_metadata, lost_reason,
                       created_at, updated_at, closed_at)
VALUES (:organizationId, :id, :name, :email, :phone, :company, :position, :stage, :source, :priority,
        :estimatedValue, :actualValue, :closed, :won, :favorite, :assignedUserId,
        :lastContactAt, :lastContactChannel, :notes, :tags, :metadata, :lostReason,
        COALESCE(:createdAt, now()), COALESCE(:updatedAt, now()), :closedAt)
RETURNING id, organization_id, name, email, phone, company, position, stage, source, priority, estimated_value,
          actual_value, is_closed AS closed, is_won AS won, is_favorite AS favorite, assigned_user_id, last_contact_at,
          last_contact_channel, notes, tags, lead_metadata AS metadata, lost_reason, created_at, updated_at, closed_at
