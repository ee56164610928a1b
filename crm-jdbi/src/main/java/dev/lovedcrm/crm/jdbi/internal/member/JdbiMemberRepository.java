package dev.lovedcrm.crm.jdbi.internal.member;

import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link MemberRepository} over {@code crm.organization_members}. */
public interface JdbiMemberRepository extends MemberRepository {

    /** The columns of {@link Member}, named as its components. */
    String COLUMNS = "id, organization_id, user_id, role, permissions, is_active AS active, joined_at, created_at, updated_at";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.organization_members (organization_id, id, user_id, role, permissions, is_active, joined_at)
            VALUES (:organizationId, :id, :userId, :role, :permissions, :active, COALESCE(:joinedAt, now()))""")
    void insert(@BindMethods Member member);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members WHERE organization_id = :organizationId AND user_id = :userId")
    Optional<Member> findByUser(OrganizationId organizationId, UserId userId);

    @Override
    @SqlQuery("SELECT lower(email) FROM crm.users WHERE id = :userId AND is_active")
    @CrossTenant("users are global, not tenant-owned")
    Optional<String> activeUserEmail(UserId userId);

    @Override
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM crm.organization_members m JOIN crm.users u ON u.id = m.user_id
                            WHERE m.organization_id = :organizationId AND m.is_active AND lower(u.email) = :email)""")
    boolean isActiveMemberEmail(OrganizationId organizationId, String email);

    @Override
    @SqlQuery("""
            SELECT m.id, m.organization_id, m.user_id, m.role, m.permissions, m.is_active AS active, m.joined_at,
                   m.created_at, m.updated_at, u.email, u.full_name
              FROM crm.organization_members m JOIN crm.users u ON u.id = m.user_id
             WHERE m.organization_id = :organizationId AND m.is_active
               AND (CAST(:after AS uuid) IS NULL OR m.id > :after)
             ORDER BY m.id LIMIT :limit""")
    List<MemberSummary> listActive(OrganizationId organizationId, Optional<MemberId> after, int limit);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members"
            + " WHERE organization_id = :organizationId AND user_id = :userId FOR UPDATE")
    Optional<Member> lockByUser(OrganizationId organizationId, UserId userId);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organization_members"
            + " WHERE organization_id = :organizationId AND role = 'owner' AND is_active ORDER BY id FOR UPDATE")
    List<Member> lockActiveOwners(OrganizationId organizationId);

    @Override
    @SqlUpdate("""
            UPDATE crm.organization_members
               SET role = :role, permissions = :permissions, is_active = :active, updated_at = now()
             WHERE organization_id = :organizationId AND id = :id""")
    void update(@BindMethods Member member);

    @Override
    @SqlUpdate("""
            INSERT INTO crm.organization_members (organization_id, id, user_id, role, permissions, is_active, joined_at)
            VALUES (:organizationId, :id, :userId, :role, '{}'::jsonb, true, :joinedAt)
            ON CONFLICT (organization_id, user_id) DO UPDATE
               SET role = EXCLUDED.role, permissions = '{}'::jsonb, is_active = true,
                   joined_at = EXCLUDED.joined_at, updated_at = now()
             WHERE NOT crm.organization_members.is_active
               AND crm.organization_members.organization_id = :organizationId""")
    boolean join(@BindMethods Member member);
}
