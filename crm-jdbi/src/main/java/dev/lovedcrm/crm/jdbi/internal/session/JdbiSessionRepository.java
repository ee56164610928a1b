package dev.lovedcrm.crm.jdbi.internal.session;

import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link SessionRepository} over {@code crm.user_sessions} (global: keyed by user, not tenant). */
public interface JdbiSessionRepository extends SessionRepository {

    /** The columns of {@link Session}, named as its components. */
    String COLUMNS = """
            id, user_id, organization_id, host(ip_address) AS ip_address, user_agent, device_info, is_active AS active,
            expires_at, last_activity_at, created_at""";

    /** {@link #COLUMNS} and the token hashes of {@link Stored}. */
    String STORED_COLUMNS = COLUMNS + """
            , session_token AS session_token_hash, refresh_token AS refresh_token_hash,
            refresh_token_previous AS previous_refresh_token_hash, refresh_rotated_at,
            refresh_token_family AS refresh_family_hash, refresh_retry_pair AS retry_pair""";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.user_sessions (id, user_id, organization_id, session_token, refresh_token, refresh_token_family,
                                           ip_address, user_agent, device_info, expires_at, last_activity_at, created_at)
            VALUES (:session.id, :session.userId, :session.organizationId, :sessionTokenHash, :refreshTokenHash,
                    :refreshFamilyHash,
                    CAST(:session.ipAddress AS inet), :session.userAgent, :session.deviceInfo, :session.expiresAt,
                    :session.lastActivityAt, :session.createdAt)""")
    void insert(@BindMethods Stored stored);

    @Override
    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM crm.user_sessions WHERE session_token = :sessionTokenHash FOR UPDATE")
    Optional<Stored> lockBySessionToken(String sessionTokenHash);

    @Override
    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM crm.user_sessions"
            + " WHERE refresh_token = :refreshTokenHash OR refresh_token_previous = :refreshTokenHash"
            + " OR refresh_token_family = CAST(:familyHash AS varchar) LIMIT 1 FOR UPDATE")
    Optional<Stored> lockByRefreshToken(String refreshTokenHash, String familyHash);

    @Override
    @SqlUpdate("UPDATE crm.user_sessions SET last_activity_at = :lastActivityAt, expires_at = :expiresAt WHERE id = :id")
    void touch(SessionId id, Instant lastActivityAt, Instant expiresAt);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_sessions
               SET session_token = :sessionTokenHash, refresh_token = :refreshTokenHash,
                   refresh_token_previous = :previousRefreshTokenHash, refresh_rotated_at = :rotatedAt,
                   refresh_retry_pair = :retryPair, last_activity_at = :rotatedAt, expires_at = :expiresAt
             WHERE id = :id""")
    void rotate(SessionId id, String sessionTokenHash, String refreshTokenHash, String previousRefreshTokenHash,
            Instant rotatedAt, Instant expiresAt, String retryPair);

    @Override
    @SqlUpdate("UPDATE crm.user_sessions SET organization_id = :organizationId WHERE id = :id")
    void setOrganization(SessionId id, OrganizationId organizationId);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_sessions SET is_active = false, refresh_retry_pair = NULL
             WHERE id = :id AND user_id = :userId AND is_active""")
    boolean revoke(UserId userId, SessionId id);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_sessions SET is_active = false, refresh_retry_pair = NULL
             WHERE user_id = :userId AND is_active AND (CAST(:keep AS uuid) IS NULL OR id <> :keep)""")
    int revokeAll(UserId userId, SessionId keep);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.user_sessions"
            + " WHERE user_id = :userId AND is_active AND expires_at > :now ORDER BY id DESC")
    List<Session> listActive(UserId userId, Instant now);

    @Override
    @SqlUpdate("DELETE FROM crm.user_sessions WHERE expires_at < :cutoff")
    int purgeExpired(Instant cutoff);
}
