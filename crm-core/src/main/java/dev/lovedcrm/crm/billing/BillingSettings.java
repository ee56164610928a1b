package dev.lovedcrm.crm.billing;

import java.util.Optional;

/**
 * Billing's configuration, given to {@code Crm.builder().billing(...)}.
 *
 * @param gateway the payment provider, or null for local-only billing
 */
public record BillingSettings(BillingGateway gateway) {

    /**
     * Local-only billing: plan changes are recorded without a provider.
     *
     * @return settings without a gateway
     */
    public static BillingSettings localOnly() {
        return new BillingSettings(null);
    }

    /**
     * The gateway, when one is configured.
     *
     * @return the gateway
     */
    public Optional<BillingGateway> optionalGateway() {
        return Optional.ofNullable(gateway);
    }
}
