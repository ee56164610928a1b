package dev.lovedcrm.crm.stripe;

import dev.lovedcrm.crm.error.ValidationException;
import java.net.URI;
import java.util.Objects;

/**
 * How crm-stripe reaches Stripe. The billing gateway built from it uses its own
 * {@code StripeClient} and never touches the global {@code Stripe.*} settings, so a host may talk
 * to Stripe elsewhere with other keys.
 *
 * @param apiKey the secret API key ({@code sk_live_…}, {@code sk_test_…} or a restricted {@code rk_…} key)
 * @param apiBase the API base URL; {@code https://api.stripe.com} in production, a local server in tests
 * @param webhookSigningSecret the endpoint's signing secret ({@code whsec_…}) for verifying webhooks
 */
public record StripeConfig(String apiKey, URI apiBase, String webhookSigningSecret) {

    /** Stripe's production API base. */
    public static final URI DEFAULT_API_BASE = URI.create("https://api.stripe.com");

    /**
     * Validates the configuration.
     *
     * @param apiKey the secret API key
     * @param apiBase the API base URL
     * @param webhookSigningSecret the webhook signing secret
     * @throws ValidationException naming the field at fault
     */
    public StripeConfig {
        if (apiKey == null || !(apiKey.startsWith("sk_") || apiKey.startsWith("rk_")) || apiKey.length() < 8) {
            throw ValidationException.of("apiKey", "must be a Stripe secret or restricted key (sk_… or rk_…)");
        }
        Objects.requireNonNull(apiBase, "apiBase");
        if (!"https".equals(apiBase.getScheme()) && !"http".equals(apiBase.getScheme()) || apiBase.getHost() == null) {
            throw ValidationException.of("apiBase", "must be an http(s) URL");
        }
        if (webhookSigningSecret == null || !webhookSigningSecret.startsWith("whsec_")) {
            throw ValidationException.of("webhookSigningSecret", "must be a Stripe webhook signing secret (whsec_…)");
        }
    }

    /**
     * A configuration for Stripe's production API.
     *
     * @param apiKey the secret API key
     * @param webhookSigningSecret the webhook signing secret
     * @return the configuration
     */
    public static StripeConfig of(String apiKey, String webhookSigningSecret) {
        return new StripeConfig(apiKey, DEFAULT_API_BASE, webhookSigningSecret);
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "StripeConfig[apiKey=" + apiKey.substring(0, 8) + "…, apiBase=" + apiBase + ", webhookSigningSecret=…]";
    }
}
