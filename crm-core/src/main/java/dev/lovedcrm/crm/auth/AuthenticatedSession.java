package dev.lovedcrm.crm.auth;

import dev.lovedcrm.crm.auth.session.Session;
import dev.lovedcrm.crm.user.User;

/**
 * The result of authenticating a session token: the session and its (active) user.
 *
 * @param session the session, with its new sliding expiry
 * @param user the user
 */
public record AuthenticatedSession(Session session, User user) {
}
