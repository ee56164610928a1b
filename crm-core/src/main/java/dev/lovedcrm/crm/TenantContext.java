package dev.lovedcrm.crm;

import dev.lovedcrm.crm.id.OrganizationId;
import java.util.Objects;

/**
 * Which principal acts in which organization. Every tenant-scoped service takes the organization from
 * here, never from its caller. There is no public constructor: a context exists only after {@link Crm}
 * has checked an active membership (or, for API keys, an active key), so it cannot be forged.
 */
public final class TenantContext {

    private final OrganizationId organizationId;
    private final Principal principal;

    TenantContext(OrganizationId organizationId, Principal principal) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.principal = Objects.requireNonNull(principal, "principal");
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
     * Who acts, as loaded when the scope was opened. Every operation re-checks the principal's current
     * state in its own transaction, so a later demotion, removal or revocation takes effect at once.
     *
     * @return the principal
     */
    public Principal principal() {
        return principal;
    }

    @Override
    public String toString() {
        return "TenantContext[organization=" + organizationId + ", " + principal.kind().dbValue() + "=" + principal.actorId() + "]";
    }
}
