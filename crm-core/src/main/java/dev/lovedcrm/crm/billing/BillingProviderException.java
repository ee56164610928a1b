package dev.lovedcrm.crm.billing;

import dev.lovedcrm.crm.error.CrmException;

/**
 * The payment provider refused or could not be reached. Codes: {@code billing.provider_unavailable} (network,
 * timeout, 5xx, 429: {@link #retryable()}), {@code billing.provider_rejected} (a 4xx: fix the request or the
 * provider's configuration). Nothing local was changed by the failed call.
 */
public class BillingProviderException extends CrmException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * An error of the provider.
     *
     * @param code the stable code
     * @param message what happened (never a secret)
     * @param retryable whether repeating the call may succeed
     * @param cause the provider's exception
     */
    public BillingProviderException(String code, String message, boolean retryable, Throwable cause) {
        super(code, message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether the same call may succeed when repeated (with the same idempotency key it stays one request).
     *
     * @return true for network errors, timeouts, 429 and 5xx
     */
    public boolean retryable() {
        return retryable;
    }
}
