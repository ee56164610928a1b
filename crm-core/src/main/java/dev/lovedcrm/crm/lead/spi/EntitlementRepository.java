package dev.lovedcrm.crm.lead.spi;

import dev.lovedcrm.crm.id.OrganizationId;
import java.util.List;
import java.util.Optional;

/** What the entitlement check reads: the organization's plan, the plans on offer, and its lead count under a lock. */
public interface EntitlementRepository {

    /**
     * The plan of the organization's active subscription; without one, the plan with slug {@code basic}.
     *
     * @param organizationId the tenant
     * @return the plan, empty when there is neither
     */
    Optional<PlanTerms> currentPlan(OrganizationId organizationId);

    /**
     * The active plans, cheapest first.
     *
     * @return the plans
     */
    List<PlanTerms> activePlans();

    /**
     * Locks the organization's row until the transaction ends, so checks of a quota and the writes they allow
     * are serialised per organization (foreign-key checks of other writes are not blocked).
     *
     * @param organizationId the tenant
     */
    void lockOrganization(OrganizationId organizationId);

    /**
     * The organization's leads that are not deleted.
     *
     * @param organizationId the tenant
     * @return the count
     */
    long countLeads(OrganizationId organizationId);
}
