package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;

/**
 * An invitation to join an organization. The token is never part of it: it is shown once, in
 * {@link IssuedInvite}, and stored only as a hash.
 *
 * @param id the invite id
 * @param organizationId the organization
 * @param invitedById who sent it
 * @param email the invitee's email, lower-cased
 * @param invitedName the invitee's name, or {@code null}
 * @param role the role the invitee gets on accepting
 * @param status where it stands
 * @param message a personal message, or {@code null}
 * @param expiresAt when it stops being acceptable
 * @param acceptedAt when it was accepted, or {@code null}
 * @param respondedAt when it was accepted, rejected or cancelled, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last update time
 */
public record Invite(
        InviteId id,
        OrganizationId organizationId,
        UserId invitedById,
        String email,
        String invitedName,
        Role role,
        InviteStatus status,
        String message,
        Instant expiresAt,
        Instant acceptedAt,
        Instant respondedAt,
        Instant createdAt,
        Instant updatedAt) {
}
