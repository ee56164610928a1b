package dev.lovedcrm.crm.jdbi.internal.invite;

import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InvitePreview;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link InviteRepository} over {@code crm.organization_invites}. */
public interface JdbiInviteRepository extends InviteRepository {

    /** The columns of {@link Invite}, named as its components. */
    String COLUMNS = """
            id, organization_id, invited_by_id, email, invited_name, role, status, message,
            expires_at, accepted_at, responded_at, created_at, updated_at""";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.organization_invites
                   (organization_id, id, invited_by_id, email, invited_name, role, status, message, token, expires_at)
            VALUES (:organizationId, :id, :invitedById, :email, :invitedName, :role, 'pending', :message, :tokenHash, :expiresAt)""")
    void insert(@BindMethods Invite invite, String tokenHash);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites WHERE token = :tokenHash")
    @CrossTenant("the invitee holds only the token; the organization is learned from the invite")
    Optional<Invite> findByTokenHash(String tokenHash);

    @Override
    @SqlQuery("SELECT " + COLUMNS + ", token AS token_hash FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId AND id = :id FOR UPDATE")
    Optional<Stored> lock(OrganizationId organizationId, InviteId id);

    @Override
    @SqlUpdate("""
            UPDATE crm.organization_invites
               SET status = :status, is_active = (CAST(:status AS text) = 'pending'),
                   accepted_at = :acceptedAt, responded_at = :respondedAt,
                   metadata = COALESCE(metadata, '{}'::jsonb) || :metadata, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void update(@BindMethods Invite invite, Map<String, Object> metadata);

    @Override
    @SqlUpdate("""
            UPDATE crm.organization_invites SET token = :tokenHash, expires_at = :expiresAt, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void replaceToken(OrganizationId organizationId, InviteId id, String tokenHash, Instant expiresAt);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId AND email = :email AND status = 'pending' ORDER BY id FOR UPDATE")
    List<Invite> lockPendingByEmail(OrganizationId organizationId, String email);

    @Override
    @SqlQuery("""
            UPDATE crm.organization_invites SET status = 'expired', is_active = false, updated_at = now()
             WHERE organization_id = :organizationId AND status = 'pending' AND expires_at <= :now
            RETURNING id, organization_id, invited_by_id, email, invited_name, role, status, message,
                      expires_at, accepted_at, responded_at, created_at, updated_at""")
    List<Invite> expireOverdue(OrganizationId organizationId, Instant now);

    @Override
    @SqlQuery("""
            SELECT id, organization_id, invited_by_id, email, invited_name, role, status, message,
                   expires_at, accepted_at, responded_at, created_at, updated_at
              FROM crm.organization_invites
             WHERE organization_id = :organizationId
               AND (CAST(:status AS text) IS NULL OR status = :status)
               AND (CAST(:after AS uuid) IS NULL OR id < :after)
             ORDER BY id DESC LIMIT :limit""")
    List<Invite> list(OrganizationId organizationId, Optional<InviteStatus> status, Optional<InviteId> after, int limit);

    @Override
    @SqlQuery("SELECT status, count(*) AS count FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId GROUP BY status")
    @KeyColumn("status")
    @ValueColumn("count")
    Map<InviteStatus, Long> countByStatus(OrganizationId organizationId);

    @Override
    @SqlQuery("""
            SELECT o.name AS organization_name, o.slug AS organization_slug, u.full_name AS inviter_name,
                   i.role, i.expires_at, i.message, i.email
              FROM crm.organization_invites i
              JOIN crm.organizations o ON o.id = i.organization_id
              LEFT JOIN crm.users u ON u.id = i.invited_by_id
             WHERE i.organization_id = :organizationId AND i.id = :id""")
    Optional<InvitePreview> preview(OrganizationId organizationId, InviteId id);
}
