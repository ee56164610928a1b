package dev.lovedcrm.crm.invite.internal;

import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InviteStatus;
import java.time.Instant;

/** State changes of an invite, shared by both sides. */
final class InviteRules {

    private InviteRules() {
    }

    static Invite withStatus(Invite i, InviteStatus status, Instant respondedAt, Instant acceptedAt) {
        return new Invite(i.id(), i.organizationId(), i.invitedById(), i.email(), i.invitedName(), i.role(), status,
                i.message(), i.expiresAt(), acceptedAt, respondedAt, i.createdAt(), i.updatedAt());
    }

    /** For the inviting side, which may list invites anyway: names the invite and why it cannot change. */
    static ConflictException notPending(Invite invite, Instant now) {
        String status = overdue(invite, now) ? InviteStatus.EXPIRED.dbValue() : invite.status().dbValue();
        return new ConflictException("invite.not_pending", "invite " + invite.id() + " is " + status);
    }

    /**
     * For the token side: one answer for every token that names no usable invite (unknown, replaced, cancelled,
     * rejected, accepted), with nothing about the invite, so tokens cannot be probed.
     */
    static NotFoundException notFound() {
        return new NotFoundException("invite.not_found", "no such invite");
    }

    /** An invite past its expiry is expired whether or not a listing has marked it yet. */
    static boolean overdue(Invite invite, Instant now) {
        return invite.status() == InviteStatus.PENDING && !invite.expiresAt().isAfter(now);
    }
}
