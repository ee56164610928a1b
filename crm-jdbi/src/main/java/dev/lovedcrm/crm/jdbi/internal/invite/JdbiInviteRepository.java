package dev.lovedcrm.crm.jdbi.internal.invite;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InvitePreview;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link InviteRepository} over {@code crm.organization_invites}. */
public interface JdbiInviteRepository extends InviteRepository {

    /** The columns every read selects, in {@link Row} order. */
    String COLUMNS = """
            id, organization_id, invited_by_id, email, invited_name, role, status::text AS status, message,
            expires_at, accepted_at, responded_at, created_at, updated_at, token""";

    @Override
    default void insert(Invite i, String tokenHash) {
        insertRow(i.organizationId(), i.id(), i.invitedById(), i.email(), i.invitedName(), i.role(), i.message(),
                tokenHash, Times.offset(i.expiresAt()));
    }

    @SqlUpdate("""
            INSERT INTO crm.organization_invites
                   (organization_id, id, invited_by_id, email, invited_name, role, status, message, token, expires_at)
            VALUES (:organizationId, :id, :invitedById, :email, :invitedName, :role, 'pending', :message, :token, :expiresAt)""")
    void insertRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") InviteId id,
            @Bind("invitedById") UserId invitedById, @Bind("email") String email,
            @Bind("invitedName") String invitedName, @Bind("role") Role role, @Bind("message") String message,
            @Bind("token") String tokenHash, @Bind("expiresAt") OffsetDateTime expiresAt);

    @Override
    default Optional<Invite> findByTokenHash(String tokenHash) {
        return findRowByToken(tokenHash).map(Row::toInvite);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites WHERE token = :token")
    @RegisterConstructorMapper(Row.class)
    @CrossTenant("the invitee holds only the token; the organization is learned from the invite")
    Optional<Row> findRowByToken(@Bind("token") String tokenHash);

    @Override
    default Optional<Stored> lock(OrganizationId organizationId, InviteId id) {
        return lockRow(organizationId, id).map(r -> new Stored(r.toInvite(), r.token()));
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites WHERE organization_id = :organizationId AND id = :id FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lockRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") InviteId id);

    @Override
    default void update(Invite i, Map<String, Object> metadata) {
        updateRow(i.organizationId(), i.id(), i.status().dbValue(), Times.offset(i.acceptedAt()),
                Times.offset(i.respondedAt()), JsonCodec.write(metadata));
    }

    @SqlUpdate("""
            UPDATE crm.organization_invites
               SET status = CAST(:status AS crm.invite_status), is_active = (:status = 'pending'),
                   accepted_at = :acceptedAt, responded_at = :respondedAt,
                   metadata = COALESCE(metadata, '{}'::jsonb) || :metadata, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void updateRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") InviteId id,
            @Bind("status") String status, @Bind("acceptedAt") OffsetDateTime acceptedAt,
            @Bind("respondedAt") OffsetDateTime respondedAt, @Bind("metadata") Jsonb metadata);

    @Override
    default void replaceToken(OrganizationId organizationId, InviteId id, String tokenHash, Instant expiresAt) {
        replaceTokenRow(organizationId, id, tokenHash, Times.offset(expiresAt));
    }

    @SqlUpdate("""
            UPDATE crm.organization_invites SET token = :token, expires_at = :expiresAt, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void replaceTokenRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") InviteId id,
            @Bind("token") String tokenHash, @Bind("expiresAt") OffsetDateTime expiresAt);

    @Override
    default List<Invite> lockPendingByEmail(OrganizationId organizationId, String email) {
        return lockPendingRows(organizationId, email).stream().map(Row::toInvite).toList();
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId AND email = :email AND status = 'pending' ORDER BY id FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    List<Row> lockPendingRows(@Bind("organizationId") OrganizationId organizationId, @Bind("email") String email);

    @Override
    default List<Invite> expireOverdue(OrganizationId organizationId, Instant now) {
        return expireRows(organizationId, Times.offset(now)).stream().map(Row::toInvite).toList();
    }

    @SqlQuery("""
            UPDATE crm.organization_invites SET status = 'expired', is_active = false, updated_at = now()
             WHERE organization_id = :organizationId AND status = 'pending' AND expires_at <= :now
            RETURNING id, organization_id, invited_by_id, email, invited_name, role, status::text AS status, message,
                      expires_at, accepted_at, responded_at, created_at, updated_at, token""")
    @RegisterConstructorMapper(Row.class)
    List<Row> expireRows(@Bind("organizationId") OrganizationId organizationId, @Bind("now") OffsetDateTime now);

    @Override
    default List<Invite> list(OrganizationId organizationId, Optional<InviteStatus> status, Optional<InviteId> after,
            int limit) {
        return listRows(organizationId, status.map(InviteStatus::dbValue).orElse(null), after.orElse(null), limit)
                .stream().map(Row::toInvite).toList();
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId"
            + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS crm.invite_status))"
            + " AND (CAST(:after AS uuid) IS NULL OR id < :after)"
            + " ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(Row.class)
    List<Row> listRows(@Bind("organizationId") OrganizationId organizationId, @Bind("status") String status,
            @Bind("after") InviteId after, @Bind("limit") int limit);

    @Override
    default Map<InviteStatus, Long> countByStatus(OrganizationId organizationId) {
        Map<InviteStatus, Long> counts = new EnumMap<>(InviteStatus.class);
        for (StatusCount row : countRows(organizationId)) {
            counts.put(InviteStatus.valueOf(row.status().toUpperCase(Locale.ROOT)), row.count());
        }
        return counts;
    }

    @SqlQuery("SELECT status::text AS status, count(*) AS count FROM crm.organization_invites"
            + " WHERE organization_id = :organizationId GROUP BY status")
    @RegisterConstructorMapper(StatusCount.class)
    List<StatusCount> countRows(@Bind("organizationId") OrganizationId organizationId);

    @Override
    @SqlQuery("""
            SELECT o.name AS organization_name, o.slug AS organization_slug, u.full_name AS inviter_name,
                   i.role, i.expires_at, i.message, i.email
              FROM crm.organization_invites i
              JOIN crm.organizations o ON o.id = i.organization_id
              LEFT JOIN crm.users u ON u.id = i.invited_by_id
             WHERE i.organization_id = :organizationId AND i.id = :id""")
    @RegisterConstructorMapper(InvitePreview.class)
    Optional<InvitePreview> preview(@Bind("organizationId") OrganizationId organizationId, @Bind("id") InviteId id);

    /** A status and its count. */
    record StatusCount(String status, long count) {
    }

    /** One row of {@code crm.organization_invites}, including the token hash. */
    record Row(InviteId id, OrganizationId organizationId, UserId invitedById, String email, String invitedName,
            Role role, String status, String message, OffsetDateTime expiresAt, OffsetDateTime acceptedAt,
            OffsetDateTime respondedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt, String token) {

        Invite toInvite() {
            return new Invite(id, organizationId, invitedById, email, invitedName, role,
                    InviteStatus.valueOf(status.toUpperCase(Locale.ROOT)), message, Times.instant(expiresAt),
                    Times.instant(acceptedAt), Times.instant(respondedAt), Times.instant(createdAt),
                    Times.instant(updatedAt));
        }
    }
}
