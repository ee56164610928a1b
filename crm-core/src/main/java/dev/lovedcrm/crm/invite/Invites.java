package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The inviting side: owners and admins invite people into the scope's organization. From
 * {@code scope.invites()}. The invitee's side (look-up, accept, reject) is {@link Invitations}.
 */
public interface Invites {

    /**
     * Invites someone by email with a role strictly below the inviter's own (owners invite admins,
     * members and viewers; admins invite members and viewers). A pending invite to the same email is
     * replaced (cancelled). Expires after the configured period (7 days unless set with
     * {@code Crm.builder().tenancySettings(...)}). Publishes {@code invite.created}.
     *
     * @param invite the invite
     * @return the invite and its one-time token
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code email}, {@code role}, {@code invitedName} or {@code message}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException when the inviter may not give that role
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.already_member} when the email belongs to an active member
     */
    IssuedInvite create(NewInvite invite);

    /**
     * Invites, newest first, optionally of one status. Owners and admins.
     *
     * @param status only this status, or empty for all
     * @param page which page
     * @return the invites
     */
    Page<Invite> list(Optional<InviteStatus> status, PageRequest page);

    /**
     * How many invites are in each status (every status present, zero when none). Owners and admins.
     *
     * @return status to count
     */
    Map<InviteStatus, Long> countByStatus();

    /**
     * Cancels a pending invite; its token stops working. Publishes {@code invite.cancelled}.
     *
     * @param id the invite
     * @return the cancelled invite
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.not_pending} when it was accepted,
     *     rejected, cancelled or is past its expiry (marked expired or not)
     */
    Invite cancel(InviteId id);

    /**
     * Issues a new token for a pending invite and restarts its expiry; the old token stops working.
     * Publishes {@code invite.resent}.
     *
     * @param id the invite
     * @return the invite and its new token
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.not_pending} when it was accepted,
     *     rejected, cancelled or is past its expiry (marked expired or not): invite again instead
     */
    IssuedInvite resend(InviteId id);
}
