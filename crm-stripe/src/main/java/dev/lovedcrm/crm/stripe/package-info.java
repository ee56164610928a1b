/**
 * Stripe billing for the CRM: {@link dev.lovedcrm.crm.stripe.StripeBillingGateway}, the
 * {@link dev.lovedcrm.crm.billing.BillingGateway} over stripe-java, configured by
 * {@link dev.lovedcrm.crm.stripe.StripeConfig}. Webhook verification and subscription sync are still to come
 * (see {@code docs/billing.md}).
 */
package dev.lovedcrm.crm.stripe;
