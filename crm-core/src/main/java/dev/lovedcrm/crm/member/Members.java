package dev.lovedcrm.crm.member;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.Map;

/**
 * The members of the scope's organization and their roles. From {@code scope.members()}.
 *
 * <p>Rules: owners may assign any role; admins may move people only between member and viewer and
 * may not touch admins or owners; members and viewers manage no one. The last active owner can never
 * be removed or demoted, and cannot leave: ownership must be transferred first. Removed members stay
 * as inactive rows and can be invited back. Every rule is checked against the acting member's role as
 * it is in the database at the time of the call, not as it was when the scope was opened.
 */
public interface Members {

    /**
     * The active members, in the order they joined. Any member may list.
     *
     * @param page which page
     * @return the members with their profiles
     */
    Page<MemberSummary> list(PageRequest page);

    /**
     * One active member.
     *
     * @param userId the member's user id
     * @return the membership
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code member.not_found}
     */
    Member get(UserId userId);

    /**
     * Changes a member's role. Publishes {@code member.role_changed}.
     *
     * @param userId the member
     * @param role the new role
     * @return the updated membership
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException when the rank rules forbid it
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code member.last_owner} when it would leave no owner
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code member.not_found}
     */
    Member changeRole(UserId userId, Role role);

    /**
     * Removes another member (the row stays, inactive). Publishes {@code member.removed}.
     *
     * @param userId the member to remove
     * @return the inactive membership
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException when the rank rules forbid it
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code member.last_owner}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} for oneself (use {@link #leave()})
     */
    Member remove(UserId userId);

    /**
     * The acting member leaves the organization. Publishes {@code member.left}.
     *
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code member.owner_must_transfer}
     *     when the actor is the last active owner
     */
    void leave();

    /**
     * Sets a member's permission overrides: entries {@code "<action code>": false} deny that action
     * although the role allows it. Overrides never grant anything. Replaces the previous overrides.
     * Publishes {@code member.permissions_changed}.
     *
     * @param userId the member
     * @param overrides action code to allowed flag, e.g. {@code Map.of("invite.create", false)}
     * @return the updated membership
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code permissions} for unknown codes
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException when the rank rules forbid it
     */
    Member setPermissions(UserId userId, Map<String, Boolean> overrides);
}
