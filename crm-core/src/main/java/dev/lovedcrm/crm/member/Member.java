package dev.lovedcrm.crm.member;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.time.Instant;
import java.util.EnumSet;
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
     * The actions this member's permission overrides deny. An override is an entry
     * {@code "<action code>": false}; {@code true} entries and unknown codes grant nothing.
     *
     * @return the denied actions
     */
    public Set<Action> deniedActions() {
        Set<Action> denied = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (Boolean.FALSE.equals(permissions.get(action.code()))) {
                denied.add(action);
            }
        }
        return denied;
    }
}
