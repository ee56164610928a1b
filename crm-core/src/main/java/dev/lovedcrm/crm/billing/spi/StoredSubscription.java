package dev.lovedcrm.crm.billing.spi;

import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.PlanId;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code crm.organization_subscriptions}.
 *
 * @param organizationId the tenant
 * @param id the row's id
 * @param planId the subscribed plan
 * @param stripeSubscriptionId the provider's subscription, or null for a local one
 * @param stripeCustomerId the provider's customer, or null
 * @param status the state
 * @param isActive {@code status.entitles()} (the database checks it)
 * @param currentPeriodStart start of the billed period
 * @param currentPeriodEnd end of the billed period
 * @param isTrial whether it is trialing
 * @param trialStart start of the trial
 * @param trialEnd end of the trial
 * @param cancelAtPeriodEnd whether it ends with the period
 * @param attemptId the current attempt id the idempotency keys of provider calls derive from; rotated after
 *     every provider change that succeeded
 */
public record StoredSubscription(OrganizationId organizationId, UUID id, PlanId planId, String stripeSubscriptionId,
        String stripeCustomerId, SubscriptionStatus status, boolean isActive, Instant currentPeriodStart,
        Instant currentPeriodEnd, boolean isTrial, Instant trialStart, Instant trialEnd, boolean cancelAtPeriodEnd,
        UUID attemptId) {

    /**
     * A local subscription (no provider) to a plan, active from now.
     *
     * @param organizationId the tenant
     * @param planId the plan
     * @param now the current time
     * @param attemptId a fresh attempt id
     * @return the row
     */
    public static StoredSubscription local(OrganizationId organizationId, PlanId planId, Instant now, UUID attemptId) {
        return new StoredSubscription(organizationId, dev.lovedcrm.crm.id.UuidV7.next(), planId, null, null,
                SubscriptionStatus.ACTIVE, true, now, null, false, null, null, false, attemptId);
    }

    /**
     * This row on another plan.
     *
     * @param plan the plan
     * @return the copy
     */
    public StoredSubscription withPlan(PlanId plan) {
        return new StoredSubscription(organizationId, id, plan, stripeSubscriptionId, stripeCustomerId, status, isActive,
                currentPeriodStart, currentPeriodEnd, isTrial, trialStart, trialEnd, cancelAtPeriodEnd, attemptId);
    }

    /**
     * This row in another state; {@code isActive} follows the state.
     *
     * @param next the state
     * @return the copy
     */
    public StoredSubscription withStatus(SubscriptionStatus next) {
        return new StoredSubscription(organizationId, id, planId, stripeSubscriptionId, stripeCustomerId, next,
                next.entitles(), currentPeriodStart, currentPeriodEnd, next == SubscriptionStatus.TRIALING, trialStart,
                trialEnd, cancelAtPeriodEnd, attemptId);
    }

    /**
     * This row with its period.
     *
     * @param start start
     * @param end end
     * @return the copy
     */
    public StoredSubscription withPeriod(Instant start, Instant end) {
        return new StoredSubscription(organizationId, id, planId, stripeSubscriptionId, stripeCustomerId, status, isActive,
                start, end, isTrial, trialStart, trialEnd, cancelAtPeriodEnd, attemptId);
    }

    /**
     * This row with the cancellation flag.
     *
     * @param cancel the flag
     * @return the copy
     */
    public StoredSubscription withCancelAtPeriodEnd(boolean cancel) {
        return new StoredSubscription(organizationId, id, planId, stripeSubscriptionId, stripeCustomerId, status, isActive,
                currentPeriodStart, currentPeriodEnd, isTrial, trialStart, trialEnd, cancel, attemptId);
    }

    /**
     * This row with the provider's customer.
     *
     * @param customer the customer id
     * @return the copy
     */
    public StoredSubscription withCustomer(String customer) {
        return new StoredSubscription(organizationId, id, planId, stripeSubscriptionId, customer, status, isActive,
                currentPeriodStart, currentPeriodEnd, isTrial, trialStart, trialEnd, cancelAtPeriodEnd, attemptId);
    }

    /**
     * This row with a new attempt id.
     *
     * @param attempt the attempt id
     * @return the copy
     */
    public StoredSubscription withAttempt(UUID attempt) {
        return new StoredSubscription(organizationId, id, planId, stripeSubscriptionId, stripeCustomerId, status, isActive,
                currentPeriodStart, currentPeriodEnd, isTrial, trialStart, trialEnd, cancelAtPeriodEnd, attempt);
    }
}
