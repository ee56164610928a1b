package dev.lovedcrm.crm;

import dev.lovedcrm.crm.activity.Activities;
import dev.lovedcrm.crm.activity.internal.DefaultActivities;
import dev.lovedcrm.crm.auth.totp.TwoFactor;
import dev.lovedcrm.crm.auth.totp.internal.DefaultTwoFactor;
import dev.lovedcrm.crm.billing.Billing;
import dev.lovedcrm.crm.billing.internal.DefaultBilling;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.invite.Invites;
import dev.lovedcrm.crm.invite.internal.DefaultInvites;
import dev.lovedcrm.crm.lead.Leads;
import dev.lovedcrm.crm.lead.internal.DefaultLeads;
import dev.lovedcrm.crm.member.Members;
import dev.lovedcrm.crm.member.internal.DefaultMembers;
import dev.lovedcrm.crm.organization.CurrentOrganization;
import dev.lovedcrm.crm.organization.internal.DefaultCurrentOrganization;
import dev.lovedcrm.crm.preference.UserPreferences;
import dev.lovedcrm.crm.preference.internal.DefaultUserPreferences;
import dev.lovedcrm.crm.report.Reports;
import dev.lovedcrm.crm.report.internal.DefaultReports;

/**
 * The way into one organization's data for one acting principal. Hands out the tenant-scoped services;
 * each of them takes the organization from {@link #context()} and never from its caller, and re-checks in
 * every call, in its own transaction, that the principal is still active with a role that allows the call.
 * Obtained from {@link Crm} after a membership check; cheap to create.
 */
public final class TenantScope {

    private final TenantWork work;
    private final TenantContext context;

    TenantScope(TenantWork work, TenantContext context) {
        this.work = work;
        this.context = context;
    }

    /**
     * Who acts, where.
     *
     * @return the context
     */
    public TenantContext context() {
        return context;
    }

    /**
     * The organization itself: read, update, deactivate, hand over ownership.
     *
     * @return the service
     */
    public CurrentOrganization organization() {
        return new DefaultCurrentOrganization(work);
    }

    /**
     * The organization's members and their roles.
     *
     * @return the service
     */
    public Members members() {
        return new DefaultMembers(work);
    }

    /**
     * Invites into the organization (the inviting side).
     *
     * @return the service
     */
    public Invites invites() {
        return new DefaultInvites(work);
    }

    /**
     * The acting member's TOTP second factor in this organization.
     *
     * @return the service
     */
    public TwoFactor twoFactor() {
        return new DefaultTwoFactor(work);
    }

    /**
     * The acting member's preferences in this organization.
     *
     * @return the service
     */
    public UserPreferences preferences() {
        return new DefaultUserPreferences(work);
    }

    /**
     * The organization's leads and pipeline.
     *
     * @return the service
     */
    public Leads leads() {
        return new DefaultLeads(work);
    }

    /**
     * The activity log of the organization's leads.
     *
     * @return the service
     */
    public Activities activities() {
        return new DefaultActivities(work);
    }

    /**
     * The organization's subscription and plan changes (reading: every role; changing: owner).
     *
     * @return the service
     */
    public Billing billing() {
        return new DefaultBilling(work);
    }

    /**
     * Reports over the organization's pipeline (advanced ones need the plan feature {@code advanced_reports}).
     *
     * @return the service
     */
    public Reports reports() {
        return new DefaultReports(work);
    }
}
