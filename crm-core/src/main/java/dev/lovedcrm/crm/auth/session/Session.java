package dev.lovedcrm.crm.auth.session;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * A signed-in session, as listed to its user. Never carries a token.
 *
 * @param id the session id
 * @param userId the user
 * @param organizationId the organization context chosen at login, or {@code null}
 * @param ipAddress the client's IP address at login, or {@code null}
 * @param userAgent the client's user agent, or {@code null}
 * @param deviceInfo device details given by the host
 * @param active whether the session is still usable (not revoked)
 * @param expiresAt when it expires unless used (sliding)
 * @param lastActivityAt last authenticated use
 * @param createdAt login time
 */
public record Session(
        SessionId id,
        UserId userId,
        OrganizationId organizationId,
        String ipAddress,
        String userAgent,
        Map<String, Object> deviceInfo,
        boolean active,
        Instant expiresAt,
        Instant lastActivityAt,
        Instant createdAt) {

    /**
     * Copies the device details.
     *
     * @param id id
     * @param userId user
     * @param organizationId organization
     * @param ipAddress IP address
     * @param userAgent user agent
     * @param deviceInfo device details
     * @param active active flag
     * @param expiresAt expiry
     * @param lastActivityAt last use
     * @param createdAt login time
     */
    public Session {
        deviceInfo = deviceInfo == null ? Map.of() : Map.copyOf(deviceInfo);
    }
}
