package dev.lovedcrm.crm.member;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user's membership in an organization.
 *
 * @param id the membership id
 * @param organizationId the organization
 * @param userId the member
 * @param role the member's role
 * @param permissions per-member overrides (JSON object) that may narrow, never widen, the role
 * @param active whether the membership is active; removed members stay as inactive rows
 * @param joinedAt when the user joined
 * @param createdAt creation time
 * @param updatedAt last update time
 */
public record Member(
        MemberId id,
        OrganizationId organizationId,
        UserId userId,
        Role role,
        Map<String, Object> permissions,
        boolean active,
        Instant joinedAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Checks the required fields and copies the permissions.
     *
     * @param id id
     * @param organizationId organization
     * @param userId user
     * @param role role
     * @param permissions overrides
     * @param active active flag
     * @param joinedAt join time
     * @param createdAt creation time
     * @param updatedAt update time
     */
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
    }

    /**
     * The actions this member's permission overrides deny ({@link AccessPolicy#deniedBy}).
     *
     * @return the denied actions
     */
    public Set<Action> deniedActions() {
        return AccessPolicy.deniedBy(permissions);
    }

    /**
     * A copy with another role.
     *
     * @param role the role
     * @return the copy
     */
    public Member withRole(Role role) {
        return new Member(id, organizationId, userId, role, permissions, active, joinedAt, createdAt, updatedAt);
    }

    /**
     * A copy with other permission overrides.
     *
     * @param permissions the overrides
     * @return the copy
     */
    public Member withPermissions(Map<String, Object> permissions) {
        return new Member(id, organizationId, userId, role, permissions, active, joinedAt, createdAt, updatedAt);
    }

    /**
     * A copy, active or not.
     *
     * @param active whether the membership is active
     * @return the copy
     */
    public Member withActive(boolean active) {
        return new Member(id, organizationId, userId, role, permissions, active, joinedAt, createdAt, updatedAt);
    }
}
