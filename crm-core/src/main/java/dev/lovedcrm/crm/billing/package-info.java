/**
 * Billing ({@code scope.billing()}): the organization's subscription, plan changes, and the {@link
 * dev.lovedcrm.crm.billing.BillingGateway} extension point a payment provider (crm-stripe) plugs into. Plan
 * features gate the rest of the SDK through one entitlement check. See {@code docs/billing.md}.
 */
package dev.lovedcrm.crm.billing;
