package dev.lovedcrm.crm.access;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says who may do what. Every service asks it before acting.
 *
 * <p>The table (role × action):
 * <pre>
 * action                    owner admin member viewer
 * organization.read           ✓     ✓     ✓      ✓
 * preferences.manage          ✓     ✓     ✓      ✓
 * two_factor.manage           ✓     ✓     ✓      ✓
 * member.leave                ✓     ✓     ✓      ✓
 * organization.update         ✓     ✓
 * organization.deactivate     ✓
 * ownership.transfer          ✓
 * member.list                 ✓     ✓     ✓      ✓
 * member.manage               ✓     ✓
 * member.set_permissions      ✓     ✓
 * invite.create               ✓     ✓
 * invite.list                 ✓     ✓
 * invite.manage               ✓     ✓
 * lead.read                   ✓     ✓     ✓      ✓
 * lead.create                 ✓     ✓     ✓
 * lead.update                 ✓     ✓     ✓
 * lead.assign                 ✓     ✓     ✓
 * lead.delete                 ✓     ✓     ✓ (own)
 * billing.read                ✓     ✓     ✓      ✓
 * billing.manage              ✓
 * report.read                 ✓     ✓     ✓      ✓
 * </pre>
 * Rank rules refine {@code member.manage} and {@code invite.create}: see {@link #canAssign} and
 * {@link #canInvite}; {@code lead.delete} is refined by {@link #canDeleteLead} (a member deletes only leads
 * assigned to them). A member's permission overrides can deny an allowed action, never grant one.
 * An API key may perform the actions of its scopes that {@link Action#grantableToApiKeys()}.
 */
public final class AccessPolicy {

    private static final Map<Role, Set<Action>> ALLOWED = new EnumMap<>(Role.class);

    static {
        Set<Action> viewer = EnumSet.of(Action.ORGANIZATION_READ, Action.MEMBER_LIST, Action.MEMBER_LEAVE,
                Action.PREFERENCES_MANAGE, Action.TWO_FACTOR_MANAGE, Action.LEAD_READ, Action.BILLING_READ,
                Action.REPORT_READ);
        Set<Action> member = EnumSet.copyOf(viewer);
        member.addAll(EnumSet.of(Action.LEAD_CREATE, Action.LEAD_UPDATE, Action.LEAD_ASSIGN, Action.LEAD_DELETE));
        Set<Action> admin = EnumSet.copyOf(member);
        admin.addAll(EnumSet.of(Action.ORGANIZATION_UPDATE, Action.MEMBER_MANAGE, Action.MEMBER_SET_PERMISSIONS,
                Action.INVITE_CREATE, Action.INVITE_LIST, Action.INVITE_MANAGE));
        Set<Action> owner = EnumSet.allOf(Action.class);
        ALLOWED.put(Role.VIEWER, viewer);
        ALLOWED.put(Role.MEMBER, member);
        ALLOWED.put(Role.ADMIN, admin);
        ALLOWED.put(Role.OWNER, owner);
    }

    private AccessPolicy() {
    }

    /**
     * Whether a role allows an action, before per-member overrides.
     *
     * @param role the role
     * @param action the action
     * @return true if allowed
     */
    public static boolean allows(Role role, Action action) {
        return ALLOWED.get(role).contains(action);
    }

    /**
     * Whether a principal may perform the action: for a member, the role allows it and no override denies it;
     * for an API key, its scopes grant it and the action is not member-only.
     *
     * @param principal who is acting
     * @param action the action
     * @return true if allowed
     */
    public static boolean allows(Principal principal, Action action) {
        if (principal instanceof MemberPrincipal member) {
            return allows(member.role(), action) && !member.deniedActions().contains(action);
        }
        ApiKeyPrincipal key = (ApiKeyPrincipal) principal;
        return action.grantableToApiKeys() && key.scopes().contains(action);
    }

    /**
     * Throws unless {@link #allows(Principal, Action)}.
     *
     * @param principal who is acting
     * @param action the action
     * @throws PermissionDeniedException with code {@code permission.denied}
     */
    public static void require(Principal principal, Action action) {
        if (!allows(principal, action)) {
            throw new PermissionDeniedException("permission.denied", describe(principal) + " may not " + action.code());
        }
    }

    /**
     * The actions that permission overrides deny: entries {@code "<action code>": false}; {@code true}
     * entries and unknown codes grant nothing.
     *
     * @param permissions a member's overrides
     * @return the denied actions
     */
    public static Set<Action> deniedBy(Map<String, Object> permissions) {
        Set<Action> denied = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (Boolean.FALSE.equals(permissions.get(action.code()))) {
                denied.add(action);
            }
        }
        return denied;
    }

    private static String describe(Principal principal) {
        return principal instanceof MemberPrincipal member ? "role " + member.role().dbValue() : "this API key";
    }

    /**
     * Whether an actor may move a member from one role to another. Owners may assign any role; admins
     * may move people only between member and viewer; members and viewers manage no one.
     *
     * @param actor the acting member's role
     * @param current the target's current role
     * @param wanted the role to assign
     * @return true if allowed
     */
    public static boolean canAssign(Role actor, Role current, Role wanted) {
        return switch (actor) {
            case OWNER -> true;
            case ADMIN -> !current.atLeast(Role.ADMIN) && !wanted.atLeast(Role.ADMIN);
            case MEMBER, VIEWER -> false;
        };
    }

    /**
     * Whether an actor may remove a member holding a role: owners remove anyone (the last-owner rule
     * aside), admins remove members and viewers, others no one.
     *
     * @param actor the acting member's role
     * @param target the target's role
     * @return true if allowed
     */
    public static boolean canRemove(Role actor, Role target) {
        return actor == Role.OWNER || actor == Role.ADMIN && !target.atLeast(Role.ADMIN);
    }

    /**
     * Whether a member may delete a lead: owners and admins any lead, members only leads assigned to them,
     * viewers none. (API keys granted {@code lead.delete} may delete any lead.)
     *
     * @param actor the acting member's role
     * @param assignee whether the lead is assigned to the acting member
     * @return true if allowed
     */
    public static boolean canDeleteLead(Role actor, boolean assignee) {
        return switch (actor) {
            case OWNER, ADMIN -> true;
            case MEMBER -> assignee;
            case VIEWER -> false;
        };
    }

    /**
     * Whether an actor may invite someone with a role: only to roles strictly below their own, and
     * only owners and admins invite at all.
     *
     * @param actor the inviter's role
     * @param invited the proposed role
     * @return true if allowed
     */
    public static boolean canInvite(Role actor, Role invited) {
        return actor.atLeast(Role.ADMIN) && actor.outranks(invited);
    }
}
