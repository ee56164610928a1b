package dev.lovedcrm.crm.billing;

import dev.lovedcrm.crm.id.OrganizationId;
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
