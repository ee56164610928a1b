package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.Role;

/**
 * What it takes to invite someone.
 *
 * @param email the invitee's email
 * @param role the role to give, strictly below the inviter's own
 * @param invitedName the invitee's name (≤ 100 characters), or {@code null}
 * @param message a personal message (10–500 characters), or {@code null}
 */
public record NewInvite(String email, Role role, String invitedName, String message) {

    /**
     * An invite with just an email and a role.
     *
     * @param email the invitee's email
     * @param role the role to give
     * @return the input
     */
    public static NewInvite of(String email, Role role) {
        return new NewInvite(email, role, null, null);
    }

    /**
     * With the invitee's name.
     *
     * @param invitedName the name
     * @return a copy
     */
    public NewInvite invitedName(String invitedName) {
        return new NewInvite(email, role, invitedName, message);
    }

    /**
     * With a personal message.
     *
     * @param message the message
     * @return a copy
     */
    public NewInvite message(String message) {
        return new NewInvite(email, role, invitedName, message);
    }
}
