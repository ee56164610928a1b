package dev.lovedcrm.crm;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is acting, in which organization, with which role. Every tenant-scoped service takes the
 * organization from here, never from its caller. There is no public constructor: a context exists
 * only after {@link Crm} has checked an active membership, so it cannot be forged.
 */
public final class TenantContext {

    private final OrganizationId organizationId;
    private final UserId actingUserId;
    private final Role role;
    private final Set<Action> deniedActions;

    TenantContext(OrganizationId organizationId, UserId actingUserId, Role role, Set<Action> deniedActions) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.actingUserId = Objects.requireNonNull(actingUserId, "actingUserId");
        this.role = Objects.requireNonNull(role, "role");
        this.deniedActions = Set.copyOf(deniedActions);
    }

    /**
     * The organization (tenant) this context is confined to.
     *
     * @return the organization id
     */
    public OrganizationId organizationId() {
        return organizationId;
    }

    /**
     * The user on whose behalf the calls are made.
     *
     * @return the acting user's id
     */
    public UserId actingUserId() {
        return actingUserId;
    }

    /**
     * The acting user's role in the organization, as loaded when the scope was opened.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * Actions the member's permission overrides take away from the role (never adds any).
     *
     * @return the denied actions, possibly empty
     */
    public Set<Action> deniedActions() {
        return deniedActions;
    }

    @Override
    public String toString() {
        return "TenantContext[organization=" + organizationId + ", user=" + actingUserId + ", role=" + role.dbValue() + "]";
    }
}
