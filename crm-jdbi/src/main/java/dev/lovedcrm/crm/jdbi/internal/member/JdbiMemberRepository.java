package dev.lovedcrm.crm.jdbi.internal.member;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.member.MemberSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link MemberRepository} over {@code crm.organization_members}. */
public interface JdbiMemberRepository extends MemberRepository {

    /** The columns every read selects, in {@link Row} order. */
    String COLUMNS = "id, organization_id, user_id, role, permissions, is_active, joined_at, created_at, updated_at";

    /** {@link #COLUMNS} of the alias {@code m}, named {@code m_<column>} for a nested mapper. */
    String PREFIXED_COLUMNS = """
            m.id AS m_id, m.organization_id AS m_organization_id, m.user_id AS m_user_id, m.role AS m_role,
            m.permissions AS m_permissions, m.is_active AS m_is_active, m.joined_at AS m_joined_at,
            m.created_at AS m_created_at, m.updated_at AS m_updated_at""";

    @Override
    default void insert(Member m) {
        insertRow(m.organizationId(), m.id(), m.userId(), m.role(), JsonCodec.write(m.permissions()), m.active(),
                Times.offset(m.joinedAt()));
    }

    @SqlUpdate("""
            INSERT INTO crm.organization_members (organization_id, id, user_id, role, permissions, is_active, joined_at)
            VALUES (:organizationId, :id, :userId, :role, :permissions, :active, COALESCE(:joinedAt, now()))""")
    void insertRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") MemberId id,
            @Bind("userId") UserId userId, @Bind("role") Role role, @Bind("permissions") Jsonb permissions,
            @Bind("active") boolean active, @Bind("joinedAt") OffsetDateTime joinedAt);

    @Override
    default Optional<Member> findByUser(OrganizationId organizationId, UserId userId) {
        return findRowByUser(organizationId, userId).map(Row::toMember);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members WHERE organization_id = :organizationId AND user_id = :userId")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRowByUser(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId);

    @Override
    @SqlQuery("SELECT lower(email) FROM crm.users WHERE id = :userId AND is_active")
    @CrossTenant("users are global, not tenant-owned")
    Optional<String> activeUserEmail(@Bind("userId") UserId userId);

    @Override
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM crm.organization_members m JOIN crm.users u ON u.id = m.user_id
                            WHERE m.organization_id = :organizationId AND m.is_active AND lower(u.email) = :email)""")
    boolean isActiveMemberEmail(@Bind("organizationId") OrganizationId organizationId, @Bind("email") String email);

    @Override
    default List<MemberSummary> listActive(OrganizationId organizationId, Optional<MemberId> after, int limit) {
        return listRows(organizationId, after.orElse(null), limit).stream()
                .map(r -> new MemberSummary(r.member().toMember(), r.email(), r.fullName()))
                .toList();
    }

    @SqlQuery("SELECT " + PREFIXED_COLUMNS + ", u.email AS u_email, u.full_name AS u_full_name"
            + " FROM crm.organization_members m JOIN crm.users u ON u.id = m.user_id"
            + " WHERE m.organization_id = :organizationId AND m.is_active"
            + " AND (CAST(:after AS uuid) IS NULL OR m.id > :after)"
            + " ORDER BY m.id LIMIT :limit")
    @RegisterConstructorMapper(SummaryRow.class)
    List<SummaryRow> listRows(@Bind("organizationId") OrganizationId organizationId, @Bind("after") MemberId after,
            @Bind("limit") int limit);

    @Override
    default Optional<Member> lockByUser(OrganizationId organizationId, UserId userId) {
        return lockRowByUser(organizationId, userId).map(Row::toMember);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members"
            + " WHERE organization_id = :organizationId AND user_id = :userId FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lockRowByUser(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId);

    @Override
    default List<Member> lockActiveOwners(OrganizationId organizationId) {
        return lockOwnerRows(organizationId).stream().map(Row::toMember).toList();
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members"
            + " WHERE organization_id = :organizationId AND role = 'owner' AND is_active ORDER BY id FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    List<Row> lockOwnerRows(@Bind("organizationId") OrganizationId organizationId);

    @Override
    default void update(Member m) {
        updateRow(m.organizationId(), m.id(), m.role(), JsonCodec.write(m.permissions()), m.active());
    }

    @SqlUpdate("""
            UPDATE crm.organization_members
               SET role = :role, permissions = :permissions, is_active = :active, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void updateRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") MemberId id,
            @Bind("role") Role role, @Bind("permissions") Jsonb permissions, @Bind("active") boolean active);

    @Override
    default boolean join(Member m) {
        return joinRow(m.organizationId(), m.id(), m.userId(), m.role(), Times.offset(m.joinedAt())) > 0;
    }

    @SqlUpdate("""
            INSERT INTO crm.organization_members (organization_id, id, user_id, role, permissions, is_active, joined_at)
            VALUES (:organizationId, :id, :userId, :role, '{}'::jsonb, true, :joinedAt)
            ON CONFLICT (organization_id, user_id) DO UPDATE
               SET role = EXCLUDED.role, permissions = '{}'::jsonb, is_active = true,
                   joined_at = EXCLUDED.joined_at, updated_at = now()
             WHERE NOT crm.organization_members.is_active
               AND crm.organization_members.organization_id = :organizationId""")
    int joinRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") MemberId id,
            @Bind("userId") UserId userId, @Bind("role") Role role, @Bind("joinedAt") OffsetDateTime joinedAt);

    /** A row of {@link #listRows}: the membership plus the user's public profile. */
    record SummaryRow(@Nested("m") Row member, @ColumnName("u_email") String email,
            @ColumnName("u_full_name") String fullName) {
    }

    /** One row of {@code crm.organization_members}. */
    record Row(MemberId id, OrganizationId organizationId, UserId userId, Role role, Jsonb permissions,
            boolean isActive, OffsetDateTime joinedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        Member toMember() {
            return new Member(id, organizationId, userId, role, JsonCodec.readObject(permissions), isActive,
                    Times.instant(joinedAt), Times.instant(createdAt), Times.instant(updatedAt));
        }
    }
}
