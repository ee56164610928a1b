package dev.lovedcrm.crm.jdbi.internal.access;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.access.spi.PrincipalRepository;
import dev.lovedcrm.crm.id.ApiKeyId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@link PrincipalRepository}: one indexed read of the acting member (with its organization) or API key.
 * Overrides and scopes come back as arrays of action codes; codes that name no action are ignored.
 */
@RegisterRowMapper(JdbiPrincipalRepository.MemberMapper.class)
@RegisterRowMapper(JdbiPrincipalRepository.ApiKeyMapper.class)
public interface JdbiPrincipalRepository extends PrincipalRepository {

    /** The member's user, role and denied actions, when the membership, the organization and the account are active. */
    String ACTIVE_MEMBER = """
            SELECT m.user_id, m.role,
                   ARRAY(SELECT p.key FROM jsonb_each(m.permissions) p WHERE p.value = 'false'::jsonb) AS denied
              FROM crm.organization_members m
              JOIN crm.organizations o ON o.id = m.organization_id
              JOIN crm.users u ON u.id = m.user_id
             WHERE m.organization_id = :organizationId AND o.id = :organizationId
               AND m.user_id = :userId AND m.is_active AND o.is_active AND u.is_active""";

    @Override
    @SqlQuery(ACTIVE_MEMBER)
    Optional<MemberPrincipal> activeMember(OrganizationId organizationId, UserId userId);

    @Override
    @SqlQuery(ACTIVE_MEMBER + " FOR UPDATE OF m")
    Optional<MemberPrincipal> lockActiveMember(OrganizationId organizationId, UserId userId);

    @Override
    @SqlQuery("""
            SELECT k.id,
                   CASE WHEN jsonb_typeof(k.scopes) = 'array'
                        THEN ARRAY(SELECT jsonb_array_elements_text(k.scopes)) ELSE '{}'::text[] END AS scopes
              FROM crm.api_keys k
              JOIN crm.organizations o ON o.id = k.organization_id
             WHERE k.organization_id = :organizationId AND o.id = :organizationId AND k.id = :keyId
               AND k.is_active AND o.is_active AND (k.expires_at IS NULL OR k.expires_at > :now)""")
    Optional<ApiKeyPrincipal> activeApiKey(OrganizationId organizationId, ApiKeyId keyId, Instant now);

    /** Maps {@link #ACTIVE_MEMBER}. */
    final class MemberMapper implements RowMapper<MemberPrincipal> {
        @Override
        public MemberPrincipal map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MemberPrincipal(new UserId(rs.getObject("user_id", UUID.class)),
                    Role.parse("role", rs.getString("role")), actions(rs.getArray("denied")));
        }
    }

    /** Maps {@link #activeApiKey}. */
    final class ApiKeyMapper implements RowMapper<ApiKeyPrincipal> {
        @Override
        public ApiKeyPrincipal map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ApiKeyPrincipal(new ApiKeyId(rs.getObject("id", UUID.class)), actions(rs.getArray("scopes")));
        }
    }

    private static Set<Action> actions(Array codes) throws SQLException {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Object code : (Object[]) codes.getArray()) {
            for (Action action : Action.values()) {
                if (action.code().equals(code)) {
                    actions.add(action);
                }
            }
        }
        return actions;
    }
}
