package dev.lovedcrm.crm.billing;

import dev.lovedcrm.crm.store.DatabaseEnum;

/**
 * The state of a subscription, with Stripe's names. Mirrored into {@code organizations.subscription_status}
 * (which says {@code free} while an organization has no subscription row).
 */
public enum SubscriptionStatus implements DatabaseEnum {
    /** In a trial period: entitled. */
    TRIALING,
    /** Paid up: entitled. */
    ACTIVE,
    /** A payment failed and the provider is retrying: still entitled (grace while retries run). */
    PAST_DUE,
    /** Ended: back to Básico. */
    CANCELED,
    /** The first payment has not succeeded yet: not entitled. */
    INCOMPLETE,
    /** The first payment never succeeded: not entitled. */
    INCOMPLETE_EXPIRED,
    /** Retries exhausted and left open: not entitled. */
    UNPAID,
    /** Paused (a trial ended without a payment method): not entitled. */
    PAUSED;

    /**
     * The one rule for {@code is_active}: trialing, active and past_due are entitled to the subscribed plan;
     * every other state falls back to Básico.
     *
     * @return whether a subscription in this state grants its plan
     */
    public boolean entitles() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE;
    }
}
