package dev.lovedcrm.crm.access;

import dev.lovedcrm.crm.error.ValidationException;

/**
 * Everything a member may or may not do inside an organization. {@link AccessPolicy} decides, for
 * each role, which actions are allowed; per-member permission overrides can only take actions away.
 */
public enum Action {
    /** Read the organization's profile and settings. */
    ORGANIZATION_READ("organization.read"),
    /** Change the organization's profile and settings. */
    ORGANIZATION_UPDATE("organization.update"),
    /** Deactivate the organization. */
    ORGANIZATION_DEACTIVATE("organization.deactivate"),
    /** Hand ownership to another member. */
    OWNERSHIP_TRANSFER("ownership.transfer"),
    /** List the members and their roles. */
    MEMBER_LIST("member.list"),
    /** Change another member's role or remove them (further limited by rank). */
    MEMBER_MANAGE("member.manage"),
    /** Narrow another member's permissions. */
    MEMBER_SET_PERMISSIONS("member.set_permissions"),
    /** Invite people (only to roles below one's own). */
    INVITE_CREATE("invite.create"),
    /** List invites and their counts. */
    INVITE_LIST("invite.list"),
    /** Cancel or resend a pending invite. */
    INVITE_MANAGE("invite.manage");

    private final String code;

    Action(String code) {
        this.code = code;
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
