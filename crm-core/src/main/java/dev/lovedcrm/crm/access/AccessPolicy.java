package dev.lovedcrm.crm.access;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantContext;
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
 * organization.update         ✓     ✓
 * organization.deactivate     ✓
 * ownership.transfer          ✓
 * member.list                 ✓     ✓     ✓      ✓
 * member.manage               ✓     ✓
 * member.set_permissions      ✓     ✓
 * invite.create               ✓     ✓
 * invite.list                 ✓     ✓
 * invite.manage               ✓     ✓
 * </pre>
 * Rank rules refine {@code member.manage} and {@code invite.create}: see {@link #canAssign} and
 * {@link #canInvite}. A member's permission overrides can deny an allowed action, never grant one.
 */
public final class AccessPolicy {

    private static final Map<Role, Set<Action>> ALLOWED = new EnumMap<>(Role.class);

    static {
        Set<Action> viewer = EnumSet.of(Action.ORGANIZATION_READ, Action.MEMBER_LIST);
        Set<Action> member = EnumSet.copyOf(viewer);
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
     * Whether the context's member may perform the action: the role allows it and no override denies it.
     *
     * @param context who is acting
     * @param action the action
     * @return true if allowed
     */
    public static boolean allows(TenantContext context, Action action) {
        return allows(context.role(), action) && !context.deniedActions().contains(action);
    }

    /**
     * Throws unless {@link #allows(TenantContext, Action)}.
     *
     * @param context who is acting
     * @param action the action
     * @throws PermissionDeniedException with code {@code permission.denied}
     */
    public static void require(TenantContext context, Action action) {
        if (!allows(context, action)) {
            throw new PermissionDeniedException("permission.denied",
                    "role " + context.role().dbValue() + " may not " + action.code());
        }
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
