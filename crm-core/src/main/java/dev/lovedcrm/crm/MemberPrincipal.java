package dev.lovedcrm.crm;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.id.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A member acting in an organization.
 *
 * @param userId the member's user account
 * @param role the member's role
 * @param deniedActions actions the member's permission overrides take away from the role (never adds any)
 */
public record MemberPrincipal(UserId userId, Role role, Set<Action> deniedActions) implements Principal {

    /**
     * Checks the fields and copies the set.
     *
     * @param userId the user
     * @param role the role
     * @param deniedActions the denied actions, possibly empty
     */
    public MemberPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        deniedActions = Set.copyOf(deniedActions);
    }

    @Override
    public UUID actorId() {
        return userId.value();
    }

    @Override
    public ActorKind kind() {
        return ActorKind.USER;
    }
}
