package dev.lovedcrm.crm.billing.spi;

import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.id.PlanId;
import java.time.Instant;
import java.util.Optional;

/** What billing and the entitlement check read and write: an organization's subscription, plan and lead count. */
public interface BillingRepository {

    /**
     * The plan the organization is entitled to: its subscription's plan while the subscription is active, else
     * the plan with slug {@code basic}.
     *
     * @param organizationId the tenant
     * @return the plan, empty only when neither exists
     */
    Optional<Plan> effectivePlan(OrganizationId organizationId);

    /**
     * A plan by id, active or not (a subscription may outlive its plan's offer).
     *
     * @param planId the plan
     * @return the plan
     */
    Optional<Plan> planById(PlanId planId);

    /**
     * A plan by slug, active or not.
     *
     * @param slug the slug
     * @return the plan
     */
    Optional<Plan> planBySlug(String slug);

    /**
     * The organization's subscription row.
     *
     * @param organizationId the tenant
     * @return the row
     */
    Optional<StoredSubscription> findSubscription(OrganizationId organizationId);

    /**
     * Inserts or replaces the organization's subscription row (one per organization).
     *
     * @param subscription the row
     */
    void saveSubscription(StoredSubscription subscription);

    /**
     * Mirrors a subscription's state into {@code organizations.subscription_status} and {@code trial_ends_at}.
     *
     * @param organizationId the tenant
     * @param status the state
     * @param trialEnd the end of the trial, or null to keep the current value
     */
    void mirrorStatus(OrganizationId organizationId, SubscriptionStatus status, Instant trialEnd);

    /**
     * The organization's name, for the provider's customer.
     *
     * @param organizationId the tenant
     * @return the name
     */
    Optional<String> organizationName(OrganizationId organizationId);

    /**
     * Locks the organization's row until the transaction ends, so checks of a quota and the writes they allow
     * (and billing changes) are serialised per organization; foreign-key checks of other writes are not blocked.
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

    /**
     * Records a processed webhook event; false when it was recorded before (a concurrent recording of the same
     * event waits for the first transaction and then answers false).
     *
     * @param eventId the provider's event id
     * @param eventType its type
     * @return true when recorded now
     */
    boolean recordWebhookEvent(String eventId, String eventType);

    /**
     * The organization holding a provider customer or subscription.
     *
     * @param customerId the provider's customer
     * @param subscriptionId the provider's subscription
     * @return the organization
     */
    Optional<OrganizationId> organizationByProvider(String customerId, String subscriptionId);
}
