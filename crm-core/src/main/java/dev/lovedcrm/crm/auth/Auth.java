package dev.lovedcrm.crm.auth;

import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.id.UserId;
import java.util.List;

/**
 * Sign-in and sessions, from {@code crm.auth()}. Session and refresh tokens are random (256 bits),
 * stored only as SHA-256 hashes, and compared in constant time. Every guess (password, second-factor
 * code) is counted before it is verified, per account, per client address (IPv6 by /64) and, for second
 * factors, per user and organization, with one generic error that never tells whether the email exists.
 */
public interface Auth {

    /**
     * Signs in with email and password (and a second factor when the organization entered needs one).
     *
     * @param request the sign-in
     * @return the new session and its tokens
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_credentials} (unknown email,
     *     wrong password, inactive account: one answer for all), {@code auth.two_factor_required},
     *     {@code auth.invalid_two_factor_code}, {@code auth.password_change_required}
     * @throws dev.lovedcrm.crm.error.RateLimitedException {@code auth.rate_limited} with the time to wait
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code tenant.access_denied} when an organization is
     *     given and the user is not an active member of it
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code request}, {@code email}, {@code password},
     *     {@code client}, {@code ipAddress}, {@code userAgent}, {@code deviceInfo}, {@code totpCode} or {@code newPassword}
     */
    IssuedSession login(LoginRequest request);

    /**
     * Signs in with a Google ID token of a Google account linked with {@code Users.linkGoogleAccount}.
     *
     * @param googleIdToken the Google ID token
     * @param client where the sign-in comes from
     * @return the new session and its tokens
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_google_token},
     *     {@code auth.google_not_configured} or {@code auth.invalid_credentials} (no active linked account)
     * @throws dev.lovedcrm.crm.error.RateLimitedException {@code auth.rate_limited}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code googleIdToken} or a client field
     */
    IssuedSession loginWithGoogle(String googleIdToken, ClientInfo client);

    /**
     * Signs in with a Google ID token that must carry the {@code nonce} the host put in its sign-in request
     * (binding the token to that request, so a token captured elsewhere cannot be replayed here).
     *
     * @param googleIdToken the Google ID token
     * @param nonce the nonce the host generated for this sign-in, or {@code null} to skip the check
     * @param client where the sign-in comes from
     * @return the new session and its tokens
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_google_token} (also for a
     *     missing or different nonce), {@code auth.google_not_configured} or {@code auth.invalid_credentials}
     * @throws dev.lovedcrm.crm.error.RateLimitedException {@code auth.rate_limited}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code googleIdToken}, {@code nonce} or a client field
     */
    IssuedSession loginWithGoogle(String googleIdToken, String nonce, ClientInfo client);

    /**
     * Checks a session token and slides the session's expiry (written at most once a minute per session).
     *
     * @param sessionToken the bearer token
     * @return the session and its user
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_token} for an unknown, revoked
     *     or expired token, or an inactive user
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code sessionToken} when blank or too long
     */
    AuthenticatedSession authenticate(String sessionToken);

    /**
     * Exchanges a refresh token for a new session token and refresh token (rotation). Presenting any
     * earlier refresh token of the session revokes the session (theft detection, RFC 9700 §4.14) and
     * publishes {@code session.refresh_reused} (to the outbox when the session is in an organization, and
     * to listeners). The one exception: within the grace period ({@link AuthSettings#refreshGracePeriod()})
     * after a rotation, the token just rotated may be presented again by a client that lost the response;
     * it gets back exactly the pair that rotation issued (nothing new is minted, the holder's pair stays).
     *
     * @param refreshToken the refresh token
     * @return the session and its new tokens
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_token}, or
     *     {@code auth.refresh_token_reused} (the session is then revoked)
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code refreshToken} when blank or too long
     */
    IssuedSession refresh(String refreshToken);

    /**
     * Moves a session into an organization, asking for the second factor when the user has enabled it there.
     *
     * @param sessionToken the bearer token
     * @param organizationId the organization to enter
     * @param totpCode a TOTP or backup code, or {@code null} when none is needed
     * @return the session
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_token},
     *     {@code auth.two_factor_required} or {@code auth.invalid_two_factor_code}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code tenant.access_denied} when not an active member
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code sessionToken}, {@code organizationId} or
     *     {@code totpCode}, before anything is read or written
     */
    Session enterOrganization(String sessionToken, OrganizationId organizationId, String totpCode);

    /**
     * Ends the session of a token (does nothing for an unknown token).
     *
     * @param sessionToken the bearer token
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code sessionToken} when blank or too long
     */
    void logout(String sessionToken);

    /**
     * A user's active sessions, newest first.
     *
     * @param userId the user
     * @return the sessions
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    List<Session> sessions(UserId userId);

    /**
     * Revokes one of a user's sessions.
     *
     * @param userId the user
     * @param sessionId the session
     * @return true when it was active and is now revoked
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} or {@code sessionId} when null
     */
    boolean revoke(UserId userId, SessionId sessionId);

    /**
     * Revokes all of a user's sessions but one ("sign out everywhere else").
     *
     * @param userId the user
     * @param keep the session to keep
     * @return how many were revoked
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} or {@code keep} when null
     */
    int revokeOthers(UserId userId, SessionId keep);

    /**
     * Deletes sessions expired for more than a day and stale throttling records; for a scheduled job.
     *
     * @return how many sessions were deleted
     */
    int purgeExpired();
}
