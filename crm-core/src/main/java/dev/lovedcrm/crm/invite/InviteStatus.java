package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.store.DatabaseEnum;

/** Where an invite stands. Stored as the PostgreSQL enum {@code crm.invite_status}. */
public enum InviteStatus implements DatabaseEnum {
    /** Sent, not yet answered, not expired. */
    PENDING,
    /** The invitee joined. */
    ACCEPTED,
    /** The invitee declined. */
    REJECTED,
    /** Past its expiry before being answered. */
    EXPIRED,
    /** Withdrawn by an owner or admin, or replaced by a newer invite to the same email. */
    CANCELLED;

}
