package dev.lovedcrm.crm.invite;

import java.util.Locale;

/** Where an invite stands. Stored as the PostgreSQL enum {@code crm.invite_status}. */
public enum InviteStatus {
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

    /**
     * The database form, e.g. {@code pending}.
     *
     * @return the lower-case name
     */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
