package dev.lovedcrm.crm.auth.session.spi;

import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for {@code crm.user_sessions}. Tokens reach it only as SHA-256 hashes. */
public interface SessionRepository {

    /**
     * A session with its token hashes, as the store holds it.
     *
     * @param session the session
     * @param sessionTokenHash hash of the session token
     * @param refreshTokenHash hash of the current refresh token
     * @param previousRefreshTokenHash hash of the refresh token the current one replaced, or {@code null}
     * @param refreshRotatedAt when the refresh token was last rotated, or {@code null}
     * @param refreshFamilyHash hash of the family part every refresh token of the session carries, or {@code null}
     *     for a session from before refresh families
     * @param retryPair the pair issued at the last rotation, encrypted with a key derived from the refresh
     *     token that was rotated (only a holder of that token can read it), or {@code null}
     */
    record Stored(Session session, String sessionTokenHash, String refreshTokenHash, String previousRefreshTokenHash,
            Instant refreshRotatedAt, String refreshFamilyHash, String retryPair) {

        /** Never prints the hashes. */
        @Override
        public String toString() {
            return "Stored[session=" + session.id() + "]";
        }
    }

    /**
     * Inserts a new session.
     *
     * @param stored the session and its hashes
     */
    void insert(Stored stored);

    /**
     * Finds and locks a session by the hash of its session token.
     *
     * @param sessionTokenHash the hash
     * @return the session, or empty
     */
    Optional<Stored> lockBySessionToken(String sessionTokenHash);

    /**
     * Finds and locks a session whose current or previous refresh token has this hash, or whose refresh
     * family has this family hash.
     *
     * @param refreshTokenHash the hash of the presented token
     * @param familyHash the hash of the presented token's family part, or {@code null}
     * @return the session, or empty
     */
    Optional<Stored> lockByRefreshToken(String refreshTokenHash, String familyHash);

    /**
     * Slides the expiry of a session on use.
     *
     * @param id the session
     * @param lastActivityAt the time of use
     * @param expiresAt the new expiry
     */
    void touch(SessionId id, Instant lastActivityAt, Instant expiresAt);

    /**
     * Replaces the session and refresh tokens after a refresh, keeping the old refresh hash as previous.
     *
     * @param id the session
     * @param sessionTokenHash the new session token hash
     * @param refreshTokenHash the new refresh token hash
     * @param previousRefreshTokenHash the refresh token hash just replaced
     * @param rotatedAt the rotation time
     * @param expiresAt the new sliding expiry
     * @param retryPair the new pair, encrypted for a retry of the replaced token within the grace window
     */
    void rotate(SessionId id, String sessionTokenHash, String refreshTokenHash, String previousRefreshTokenHash,
            Instant rotatedAt, Instant expiresAt, String retryPair);

    /**
     * Sets the organization context of a session.
     *
     * @param id the session
     * @param organizationId the organization
     */
    void setOrganization(SessionId id, OrganizationId organizationId);

    /**
     * Revokes one session of a user.
     *
     * @param userId the owner
     * @param id the session
     * @return true when a session was revoked
     */
    boolean revoke(UserId userId, SessionId id);

    /**
     * Revokes every active session of a user except one.
     *
     * @param userId the user
     * @param keep the session to keep, or {@code null} to revoke all
     * @return how many were revoked
     */
    int revokeAll(UserId userId, SessionId keep);

    /**
     * A user's active, unexpired sessions, newest first.
     *
     * @param userId the user
     * @param now the current time
     * @return the sessions
     */
    List<Session> listActive(UserId userId, Instant now);

    /**
     * Deletes sessions that expired (or were revoked) before a cut-off.
     *
     * @param cutoff sessions with {@code expires_at} before this go
     * @return how many were deleted
     */
    int purgeExpired(Instant cutoff);
}
