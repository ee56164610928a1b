package dev.lovedcrm.crm.billing;

import dev.lovedcrm.crm.plan.Plan;
import java.time.Instant;

/**
 * An organization's subscription as {@code scope.billing().current()} sees it. An organization that never
 * subscribed has no stored row and is shown as an active Básico subscription with no period and {@code
 * stored == false} (the rule in {@code docs/billing.md}: every organization has a definite plan at all times).
 *
 * @param plan the plan subscribed to
 * @param effectivePlan the plan the entitlement check applies: {@code plan} while {@code active}, else Básico
 * @param status the subscription's state
 * @param active {@code status.entitles()}
 * @param stored whether a subscription row exists
 * @param trialStart start of the trial, or null
 * @param trialEnd end of the trial, or null
 * @param currentPeriodStart start of the billed period, or null for a local subscription
 * @param currentPeriodEnd end of the billed period, or null
 * @param cancelAtPeriodEnd whether it ends when the period ends
 * @param customerId the payment provider's customer, or null
 * @param providerSubscriptionId the payment provider's subscription, or null for a local subscription
 */
public record Subscription(Plan plan, Plan effectivePlan, SubscriptionStatus status, boolean active, boolean stored,
        Instant trialStart, Instant trialEnd, Instant currentPeriodStart, Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd, String customerId, String providerSubscriptionId) {
}
