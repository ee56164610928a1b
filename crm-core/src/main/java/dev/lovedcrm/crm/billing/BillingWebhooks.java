package dev.lovedcrm.crm.billing;

/**
 * Webhook deliveries of the payment provider. From {@code crm.billingWebhooks()}; the host exposes one HTTP
 * endpoint that passes the raw body and the signature header here, and answers 2xx unless this throws.
 *
 * <p>Each delivery is verified, then the subscription's current state is read from the provider and applied to
 * the organization's subscription row in one transaction that also records the event id: the same event
 * delivered twice, or twice at once, changes nothing the second time, and deliveries arriving out of order
 * apply the provider's current state rather than the event's. Publishes {@code subscription.updated} and, when
 * the plan changes, {@code plan.changed} (with no actor).
 */
public interface BillingWebhooks {

    /**
     * Verifies and applies one delivery.
     *
     * @param payload the raw request body, unmodified
     * @param signatureHeader the signature header (Stripe: {@code Stripe-Signature})
     * @return what was done
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code payload} or {@code signatureHeader} when
     *     missing
     * @throws dev.lovedcrm.crm.error.ConflictException {@code billing.no_gateway} without a gateway
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code billing.webhook_signature_invalid}: answer 400
     * @throws BillingProviderException when the provider cannot be read: answer 5xx so it delivers again
     */
    WebhookOutcome handle(String payload, String signatureHeader);

    /** What a delivery did. */
    enum WebhookOutcome {
        /** The subscription was updated. */
        APPLIED,
        /** The event was processed before: nothing changed. */
        DUPLICATE,
        /** The event concerns no subscription: recorded, nothing else. */
        IGNORED,
        /** No organization has the event's customer or subscription: recorded and logged, nothing else. */
        UNKNOWN_CUSTOMER
    }
}
