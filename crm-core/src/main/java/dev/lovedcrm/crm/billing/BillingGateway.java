package dev.lovedcrm.crm.billing;

import dev.lovedcrm.crm.id.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * The payment provider behind {@code scope.billing()} (crm-stripe's {@code StripeBillingGateway}). Without one
 * ({@code Crm.builder()} without {@code billing(...)}) billing is local: plan changes are recorded directly.
 *
 * <p>Every call that creates or changes something at the provider carries the idempotency key the SDK derives
 * deterministically from the organization, the plan and a locally stored attempt id, so a retried job or a
 * double click reaches the provider as one request. Implementations throw only {@link BillingProviderException}
 * (or another {@code CrmException}), never their provider's own exceptions.
 */
public interface BillingGateway {

    /**
     * Creates the provider's customer of an organization (called once per organization; the key makes a repeat
     * return the same customer).
     *
     * @param request the organization and the idempotency key
     * @return the customer id, e.g. {@code cus_...}
     */
    String createCustomer(CustomerRequest request);

    /**
     * Starts a hosted checkout of a plan in subscription mode.
     *
     * @param request what to check out
     * @return the hosted page's URL
     */
    String startCheckout(CheckoutRequest request);

    /**
     * Opens the provider's customer portal.
     *
     * @param customerId the customer
     * @param returnUrl where the portal sends the customer back
     * @return the portal's URL
     */
    String openPortal(String customerId, String returnUrl);

    /**
     * Sets or clears the cancellation at the end of the current period.
     *
     * @param subscriptionId the provider's subscription
     * @param cancel true to cancel at period end, false to undo that
     * @param idempotencyKey the deterministic key
     */
    void setCancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey);

    /**
     * Moves a subscription to another plan's price, prorating the difference.
     *
     * @param subscriptionId the provider's subscription
     * @param planSlug the new plan
     * @param idempotencyKey the deterministic key
     */
    void changePlan(String subscriptionId, String planSlug, String idempotencyKey);

    /**
     * Verifies a webhook delivery's signature and reads the state of the subscription it concerns <em>as the
     * provider has it now</em> (deliveries are not ordered, so the event's own copy is not trusted).
     *
     * @param payload the raw request body, unmodified
     * @param signatureHeader the signature header (Stripe: {@code Stripe-Signature})
     * @return the event, with the subscription's current state when it concerns one
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code billing.webhook_signature_invalid} for a bad or
     *     stale signature
     * @throws dev.lovedcrm.crm.error.CrmException {@code billing.webhook_api_version} when the event was rendered
     *     in another API version than the library's
     * @throws BillingProviderException when reading the subscription fails (the provider will deliver again)
     */
    WebhookEvent verifyWebhook(String payload, String signatureHeader);

    /**
     * A verified webhook event.
     *
     * @param id the provider's event id, unique per event (deliveries of one event share it)
     * @param type the event type, e.g. {@code customer.subscription.updated}
     * @param subscription the current state of the subscription it concerns, or null when it concerns none
     */
    record WebhookEvent(String id, String type, ProviderSubscription subscription) {

        /**
         * Requires the id and type.
         *
         * @param id id
         * @param type type
         * @param subscription subscription
         */
        public WebhookEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A subscription as the provider has it.
     *
     * @param subscriptionId the provider's subscription
     * @param customerId the provider's customer
     * @param organizationId the organization from the subscription's metadata, or null
     * @param planSlug the plan of its price, or null when the price maps to no plan
     * @param status its state
     * @param trialStart start of the trial, or null
     * @param trialEnd end of the trial, or null
     * @param currentPeriodStart start of the current period (Stripe: on the subscription item), or null
     * @param currentPeriodEnd end of the current period, or null
     * @param cancelAtPeriodEnd whether it ends with the period
     */
    record ProviderSubscription(String subscriptionId, String customerId, OrganizationId organizationId, String planSlug,
            SubscriptionStatus status, Instant trialStart, Instant trialEnd, Instant currentPeriodStart,
            Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {

        /**
         * Requires the ids and the state.
         *
         * @param subscriptionId subscription
         * @param customerId customer
         * @param organizationId organization
         * @param planSlug plan
         * @param status state
         * @param trialStart trial start
         * @param trialEnd trial end
         * @param currentPeriodStart period start
         * @param currentPeriodEnd period end
         * @param cancelAtPeriodEnd cancellation flag
         */
        public ProviderSubscription {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A customer to create.
     *
     * @param organizationId the organization (stored in the customer's metadata)
     * @param name the organization's name
     * @param idempotencyKey the deterministic key
     */
    record CustomerRequest(OrganizationId organizationId, String name, String idempotencyKey) {

        /**
         * Requires every field.
         *
         * @param organizationId organization
         * @param name name
         * @param idempotencyKey key
         */
        public CustomerRequest {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /**
     * A checkout to start.
     *
     * @param organizationId the organization (sent as {@code client_reference_id} and subscription metadata)
     * @param customerId the provider's customer
     * @param planSlug the plan to subscribe to
     * @param successUrl where the provider sends the customer after paying
     * @param cancelUrl where it sends a customer who gives up
     * @param idempotencyKey the deterministic key
     */
    record CheckoutRequest(OrganizationId organizationId, String customerId, String planSlug, String successUrl,
            String cancelUrl, String idempotencyKey) {

        /**
         * Requires every field.
         *
         * @param organizationId organization
         * @param customerId customer
         * @param planSlug plan
         * @param successUrl success URL
         * @param cancelUrl cancel URL
         * @param idempotencyKey key
         */
        public CheckoutRequest {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(planSlug, "planSlug");
            Objects.requireNonNull(successUrl, "successUrl");
            Objects.requireNonNull(cancelUrl, "cancelUrl");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
