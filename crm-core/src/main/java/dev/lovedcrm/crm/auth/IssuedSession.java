package dev.lovedcrm.crm.auth;

import dev.lovedcrm.crm.auth.session.Session;

/**
 * A session and its two secrets, returned once at login and at each refresh. The host hands both
 * to the client; the SDK keeps only their hashes.
 *
 * @param session the session
 * @param sessionToken the bearer token for requests (256 random bits); never log it
 * @param refreshToken the single-use token that obtains the next pair; never log it
 */
public record IssuedSession(Session session, String sessionToken, String refreshToken) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "IssuedSession[session=" + session.id() + ", tokens=…]";
    }
}
