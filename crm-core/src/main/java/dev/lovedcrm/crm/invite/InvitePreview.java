package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.Role;
import java.time.Instant;

/**
 * What an invitee may see before answering: enough to decide, nothing else of the organization.
 *
 * @param organizationName the organization's name
 * @param organizationSlug the organization's slug
 * @param inviterName the inviter's full name
 * @param role the role offered
 * @param expiresAt when the invite expires
 * @param message the inviter's message, or {@code null}
 * @param email the invited email, so the invitee can tell which account to use
 */
public record InvitePreview(
        String organizationName, String organizationSlug, String inviterName, Role role, Instant expiresAt,
        String message, String email) {
}
