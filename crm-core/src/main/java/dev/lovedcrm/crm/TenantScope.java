package dev.lovedcrm.crm;

import dev.lovedcrm.crm.auth.totp.TwoFactor;
import dev.lovedcrm.crm.auth.totp.internal.DefaultTwoFactor;
import dev.lovedcrm.crm.invite.Invites;
import dev.lovedcrm.crm.invite.internal.DefaultInvites;
import dev.lovedcrm.crm.member.Members;
import dev.lovedcrm.crm.member.internal.DefaultMembers;
import dev.lovedcrm.crm.preference.UserPreferences;
import dev.lovedcrm.crm.preference.internal.DefaultUserPreferences;
import java.util.Objects;

/**
 * The way into one organization's data for one acting principal. Hands out the tenant-scoped
 * services; each of them takes the organization from {@link #context()} and never from its caller.
 * Obtained from {@link Crm} after a membership check; cheap to create, not to be cached across
 * role changes.
 */
public final class TenantScope {

    private final Crm crm;
    private final TenantContext context;

    TenantScope(Crm crm, TenantContext context) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Who acts, where, with which role.
     *
     * @return the context
     */
    public TenantContext context() {
        return context;
    }

    /**
     * The organization's members and their roles.
     *
     * @return the service, acting as this scope's member
     */
    public Members members() {
        return new DefaultMembers(crm.store(), context, crm.events());
    }

    /**
     * Invites into the organization (the inviting side).
     *
     * @return the service, acting as this scope's member
     */
    public Invites invites() {
        return new DefaultInvites(crm.store(), context, crm.events(), crm.clock(), crm.random(), crm.inviteExpiry());
    }

    /**
     * The acting member's TOTP second factor in this organization.
     *
     * @return the service
     */
    public TwoFactor twoFactor() {
        return new DefaultTwoFactor(crm.store(), context, crm.secondFactor(), crm.events(), crm.clock(), crm.random());
    }

    /**
     * The acting member's preferences in this organization.
     *
     * @return the service
     */
    public UserPreferences preferences() {
        return new DefaultUserPreferences(crm.store(), context);
    }

    Crm crm() {
        return crm;
    }
}
