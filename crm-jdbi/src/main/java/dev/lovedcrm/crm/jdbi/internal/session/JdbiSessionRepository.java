package dev.lovedcrm.crm.jdbi.internal.session;

import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link SessionRepository} over {@code crm.user_sessions} (global: keyed by user, not tenant). */
public interface JdbiSessionRepository extends SessionRepository {

    /** The columns of {@link Row}. */
    String COLUMNS = """
            id, user_id, organization_id, host(ip_address) AS ip_address, user_agent, device_info, is_active,
            expires_at, last_activity_at, created_at""";

    /** {@link #COLUMNS} and the token hashes. */
    String STORED_COLUMNS = COLUMNS + ", session_token, refresh_token, refresh_token_previous, refresh_rotated_at";

    @Override
    default void insert(Stored s) {
        Session session = s.session();
        insertRow(session.id(), session.userId(), session.organizationId(), s.sessionTokenHash(), s.refreshTokenHash(),
                session.ipAddress(), session.userAgent(), JsonCodec.write(session.deviceInfo()),
                Times.offset(session.expiresAt()), Times.offset(session.lastActivityAt()), Times.offset(session.createdAt()));
    }

    @SqlUpdate("""
            INSERT INTO crm.user_sessions (id, user_id, organization_id, session_token, refresh_token, ip_address,
                                           user_agent, device_info, expires_at, last_activity_at, created_at)
            VALUES (:id, :userId, :organizationId, :sessionToken, :refreshToken, CAST(:ip AS inet), :userAgent,
                    :deviceInfo, :expiresAt, :lastActivityAt, :createdAt)""")
    void insertRow(@Bind("id") SessionId id, @Bind("userId") UserId userId,
            @Bind("organizationId") OrganizationId organizationId, @Bind("sessionToken") String sessionTokenHash,
            @Bind("refreshToken") String refreshTokenHash, @Bind("ip") String ipAddress,
            @Bind("userAgent") String userAgent, @Bind("deviceInfo") Jsonb deviceInfo,
            @Bind("expiresAt") OffsetDateTime expiresAt, @Bind("lastActivityAt") OffsetDateTime lastActivityAt,
            @Bind("createdAt") OffsetDateTime createdAt);

    @Override
    default Optional<Stored> lockBySessionToken(String sessionTokenHash) {
        return lockRowBySessionToken(sessionTokenHash).map(StoredRow::toStored);
    }

    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM crm.user_sessions WHERE session_token = :hash FOR UPDATE")
    @RegisterConstructorMapper(StoredRow.class)
    Optional<StoredRow> lockRowBySessionToken(@Bind("hash") String sessionTokenHash);

    @Override
    default Optional<Stored> lockByRefreshToken(String refreshTokenHash) {
        return lockRowByRefreshToken(refreshTokenHash).map(StoredRow::toStored);
    }

    @SqlQuery("SELECT " + STORED_COLUMNS + " FROM crm.user_sessions"
            + " WHERE refresh_token = :hash OR refresh_token_previous = :hash LIMIT 1 FOR UPDATE")
    @RegisterConstructorMapper(StoredRow.class)
    Optional<StoredRow> lockRowByRefreshToken(@Bind("hash") String refreshTokenHash);

    @Override
    default void touch(SessionId id, Instant lastActivityAt, Instant expiresAt) {
        touchRow(id, Times.offset(lastActivityAt), Times.offset(expiresAt));
    }

    @SqlUpdate("UPDATE crm.user_sessions SET last_activity_at = :at, expires_at = :expiresAt WHERE id = :id")
    void touchRow(@Bind("id") SessionId id, @Bind("at") OffsetDateTime lastActivityAt,
            @Bind("expiresAt") OffsetDateTime expiresAt);

    @Override
    default void rotate(SessionId id, String sessionTokenHash, String refreshTokenHash, String previousRefreshTokenHash,
            Instant rotatedAt, Instant expiresAt) {
        rotateRow(id, sessionTokenHash, refreshTokenHash, previousRefreshTokenHash, Times.offset(rotatedAt),
                Times.offset(expiresAt));
    }

    @SqlUpdate("""
            UPDATE crm.user_sessions
               SET session_token = :sessionToken, refresh_token = :refreshToken, refresh_token_previous = :previous,
                   refresh_rotated_at = :rotatedAt, last_activity_at = :rotatedAt, expires_at = :expiresAt
             WHERE id = :id""")
    void rotateRow(@Bind("id") SessionId id, @Bind("sessionToken") String sessionTokenHash,
            @Bind("refreshToken") String refreshTokenHash, @Bind("previous") String previousRefreshTokenHash,
            @Bind("rotatedAt") OffsetDateTime rotatedAt, @Bind("expiresAt") OffsetDateTime expiresAt);

    @Override
    @SqlUpdate("UPDATE crm.user_sessions SET organization_id = :organizationId WHERE id = :id")
    void setOrganization(@Bind("id") SessionId id, @Bind("organizationId") OrganizationId organizationId);

    @Override
    @SqlUpdate("UPDATE crm.user_sessions SET is_active = false WHERE id = :id AND user_id = :userId AND is_active")
    boolean revoke(@Bind("userId") UserId userId, @Bind("id") SessionId id);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_sessions SET is_active = false
             WHERE user_id = :userId AND is_active AND (CAST(:keep AS uuid) IS NULL OR id <> :keep)""")
    int revokeAll(@Bind("userId") UserId userId, @Bind("keep") SessionId keep);

    @Override
    default List<Session> listActive(UserId userId, Instant now) {
        return listRows(userId, Times.offset(now)).stream().map(Row::toSession).toList();
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.user_sessions"
            + " WHERE user_id = :userId AND is_active AND expires_at > :now ORDER BY id DESC")
    @RegisterConstructorMapper(Row.class)
    List<Row> listRows(@Bind("userId") UserId userId, @Bind("now") OffsetDateTime now);

    @Override
    default int purgeExpired(Instant cutoff) {
        return purgeRows(Times.offset(cutoff));
    }

    @SqlUpdate("DELETE FROM crm.user_sessions WHERE expires_at < :cutoff")
    int purgeRows(@Bind("cutoff") OffsetDateTime cutoff);

    /** One row of {@code crm.user_sessions}, without token hashes. */
    record Row(SessionId id, UserId userId, OrganizationId organizationId, String ipAddress, String userAgent,
            Jsonb deviceInfo, boolean isActive, OffsetDateTime expiresAt, OffsetDateTime lastActivityAt,
            OffsetDateTime createdAt) {

        Session toSession() {
            return new Session(id, userId, organizationId, ipAddress, userAgent, JsonCodec.readObject(deviceInfo), isActive,
                    Times.instant(expiresAt), Times.instant(lastActivityAt), Times.instant(createdAt));
        }
    }

    /** A row with its token hashes. */
    record StoredRow(@Nested Row session, String sessionToken, String refreshToken, String refreshTokenPrevious,
            OffsetDateTime refreshRotatedAt) {

        Stored toStored() {
            return new Stored(session.toSession(), sessionToken, refreshToken, refreshTokenPrevious,
                    Times.instant(refreshRotatedAt));
        }
    }
}
