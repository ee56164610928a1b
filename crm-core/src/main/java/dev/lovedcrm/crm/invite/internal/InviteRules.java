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

    static ConflictException notPending(Invite invite) {
        return new ConflictException("invite.not_pending", "invite " + invite.id() + " is " + invite.status().dbValue());
    }

    static NotFoundException notFound() {
        return new NotFoundException("invite.not_found", "no such invite");
    }

    static boolean overdue(Invite invite, Instant now) {
        return invite.status() == InviteStatus.PENDING && !invite.expiresAt().isAfter(now);
    }
}
