package dev.lovedcrm.crm.access;

import dev.lovedcrm.crm.error.ValidationException;

/**
 * Everything a principal may or may not do inside an organization. {@link AccessPolicy} decides, for
 * each role, which actions are allowed; per-member permission overrides can only take actions away. API
 * keys get the actions of their scopes, except those marked member-only.
 */
public enum Action {
    /** Read the organization's profile and settings. */
    ORGANIZATION_READ("organization.read", false),
    /** Change the organization's profile and settings. */
    ORGANIZATION_UPDATE("organization.update", false),
    /** Deactivate the organization. */
    ORGANIZATION_DEACTIVATE("organization.deactivate", true),
    /** Hand ownership to another member. */
    OWNERSHIP_TRANSFER("ownership.transfer", true),
    /** List the members and their roles. */
    MEMBER_LIST("member.list", false),
    /** Change another member's role or remove them (further limited by rank). */
    MEMBER_MANAGE("member.manage", true),
    /** Narrow another member's permissions. */
    MEMBER_SET_PERMISSIONS("member.set_permissions", true),
    /** Leave the organization. */
    MEMBER_LEAVE("member.leave", true),
    /** Invite people (only to roles below one's own). */
    INVITE_CREATE("invite.create", true),
    /** List invites and their counts. */
    INVITE_LIST("invite.list", false),
    /** Cancel or resend a pending invite. */
    INVITE_MANAGE("invite.manage", true),
    /** Read and change one's own preferences in the organization. */
    PREFERENCES_MANAGE("preferences.manage", true),
    /** Enrol, use and disable one's own second factor in the organization. */
    TWO_FACTOR_MANAGE("two_factor.manage", true),
    /** Read leads and their activity log. */
    LEAD_READ("lead.read", false),
    /** Create leads. */
    LEAD_CREATE("lead.create", false),
    /** Change leads: fields, tags, favourite, stage, close and reopen. */
    LEAD_UPDATE("lead.update", false),
    /** Assign leads to members or unassign them. */
    LEAD_ASSIGN("lead.assign", false),
    /** Delete leads (a member only those assigned to them: see {@link AccessPolicy#canDeleteLead}). */
    LEAD_DELETE("lead.delete", false),
    /** Read the organization's subscription and plan. */
    BILLING_READ("billing.read", false),
    /** Change the plan, check out, open the portal, cancel: the owner's. */
    BILLING_MANAGE("billing.manage", true),
    /** Read pipeline reports (advanced ones also need the plan feature {@code advanced_reports}). */
    REPORT_READ("report.read", false);

    private final String code;
    private final boolean memberOnly;

    Action(String code, boolean memberOnly) {
        this.code = code;
        this.memberOnly = memberOnly;
    }

    /**
     * Whether an API key's scopes can grant this action. Actions about people, ownership and one's own
     * account are member-only.
     *
     * @return true unless the action is member-only
     */
    public boolean grantableToApiKeys() {
        return !memberOnly;
    }

    /**
     * The stable text form, used in permission overrides and error messages.
     *
     * @return e.g. {@code invite.create}
     */
    public String code() {
        return code;
    }

    /**
     * Parses the text form.
     *
     * @param field field name to report on error
     * @param code e.g. {@code member.list}
     * @return the action
     * @throws ValidationException naming {@code field} for an unknown code
     */
    public static Action parse(String field, String code) {
        for (Action action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        throw ValidationException.of(field, "unknown action " + code);
    }
}
