package dev.lovedcrm.crm.billing;

/**
 * The scope organization's subscription. From {@code scope.billing()}.
 *
 * <p>Rules (see {@code docs/billing.md}): every organization has a definite plan at all times; one without a
 * subscription row is on Básico ({@code basic}). A subscription grants its plan while its status is trialing,
 * active or past_due; otherwise the organization is held to Básico. Changing billing is an owner action
 * ({@code billing.manage}); any member may read it ({@code billing.read}). A downgrade to Básico with more
 * leads than Básico allows is accepted; creating leads is then refused until the organization is under the limit.
 */
public interface Billing {

    /**
     * The organization's subscription. Permission {@code billing.read} (every role).
     *
     * @return the subscription, a synthesised active Básico one when none is stored
     */
    Subscription current();

    /**
     * Moves the organization to another plan. Without a gateway the change is recorded locally and takes effect
     * at once. With a gateway, a provider subscription is moved with proration; an organization without one must
     * subscribe through {@link #startCheckout}, and a move to Básico is {@link #cancelAtPeriodEnd()}. Asking for
     * the current plan changes nothing. Permission {@code billing.manage} (owner). Publishes {@code plan.changed}
     * and {@code subscription.updated}.
     *
     * @param planSlug the new plan's slug
     * @return the subscription after the change
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code planSlug} when blank or no active plan has it
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.checkout_required} (gateway, no provider
     *     subscription yet) or {@code billing.cancel_to_downgrade} (gateway, move to Básico)
     * @throws BillingProviderException when the provider fails; nothing local is changed
     */
    Subscription changePlan(String planSlug);

    /**
     * Starts the provider's hosted checkout for a more expensive plan. The customer is created once per
     * organization. Repeating the call (double click, retried job) reaches the provider as one request.
     * Permission {@code billing.manage} (owner). The subscription becomes active when the provider's webhook
     * arrives.
     *
     * @param planSlug the plan to subscribe to
     * @param successUrl http(s) URL the customer returns to after paying
     * @param cancelUrl http(s) URL the customer returns to when giving up
     * @return the hosted checkout page's URL
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code planSlug}, {@code successUrl} or {@code cancelUrl}
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.no_gateway} without a gateway,
     *     {@code billing.not_an_upgrade} when the plan costs no more than the current one
     * @throws BillingProviderException when the provider fails
     */
    String startCheckout(String planSlug, String successUrl, String cancelUrl);

    /**
     * Opens the provider's customer portal (invoices, payment methods). Permission {@code billing.manage} (owner).
     *
     * @param returnUrl http(s) URL the portal sends the customer back to
     * @return the portal's URL
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code returnUrl}
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.no_gateway}, or {@code billing.no_customer}
     *     when the organization never started a checkout
     * @throws BillingProviderException when the provider fails
     */
    String openPortal(String returnUrl);

    /**
     * Cancels the provider subscription at the end of the current period (the plan stays until then).
     * Permission {@code billing.manage} (owner). Publishes {@code subscription.updated}.
     *
     * @return the subscription, {@code cancelAtPeriodEnd} set
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.no_gateway}, or
     *     {@code billing.no_provider_subscription} when there is nothing to cancel
     * @throws BillingProviderException when the provider fails; nothing local is changed
     */
    Subscription cancelAtPeriodEnd();

    /**
     * Undoes {@link #cancelAtPeriodEnd()} before the period ends. Permission {@code billing.manage} (owner).
     * Publishes {@code subscription.updated}.
     *
     * @return the subscription, {@code cancelAtPeriodEnd} cleared
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.no_gateway}, or
     *     {@code billing.no_provider_subscription}
     * @throws BillingProviderException when the provider fails; nothing local is changed
     */
    Subscription undoCancellation();
}
