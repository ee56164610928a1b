package dev.lovedcrm.crm.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingProviderException;
import dev.lovedcrm.crm.error.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link BillingGateway} over Stripe, with stripe-java. It builds its own {@link StripeClient} (API key, API
 * base, timeouts, two network retries) and never touches the global {@code Stripe.*} settings. Plans are mapped to
 * Stripe prices by slug ({@link Builder#price}).
 *
 * <p>Every create or change carries the idempotency key the SDK derived (organization, plan, stored attempt), so a
 * retry of ours and stripe-java's own network retries are one request at Stripe. A {@link StripeException} never
 * escapes: network errors, timeouts, 429 and 5xx become a retryable {@link BillingProviderException} with code
 * {@code billing.provider_unavailable}; other answers (4xx) a non-retryable one with code
 * {@code billing.provider_rejected}.
 */
public final class StripeBillingGateway implements BillingGateway {

    /** The metadata key carrying the organization's id on customers and subscriptions. */
    public static final String ORGANIZATION_METADATA = "organization_id";

    private final StripeClient client;
    private final Map<String, String> prices;

    private StripeBillingGateway(Builder builder) {
        this.client = StripeClient.builder()
                .setApiKey(builder.config.apiKey())
                .setApiBase(trimSlash(builder.config.apiBase().toString()))
                .setConnectTimeout(Math.toIntExact(builder.connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(builder.readTimeout.toMillis()))
                .setMaxNetworkRetries(2)
                .build();
        this.prices = Map.copyOf(builder.prices);
    }

    /**
     * Starts a gateway from its configuration.
     *
     * @param config the API key, base URL and webhook signing secret
     * @return a builder; add a price per paid plan
     */
    public static Builder builder(StripeConfig config) {
        return new Builder(config);
    }

    @Override
    public String createCustomer(CustomerRequest request) {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setName(request.name())
                .putMetadata(ORGANIZATION_METADATA, request.organizationId().toString())
                .build();
        return call(() -> client.v1().customers().create(params, keyed(request.idempotencyKey())).getId());
    }

    @Override
    public String startCheckout(CheckoutRequest request) {
        String price = priceOf(request.planSlug());
        String organization = request.organizationId().toString();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(request.customerId())
                .setClientReferenceId(organization)
                .setLocale(SessionCreateParams.Locale.PT_BR)
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(ORGANIZATION_METADATA, organization)
                        .putMetadata("plan", request.planSlug())
                        .build())
                .build();
        return call(() -> client.v1().checkout().sessions().create(params, keyed(request.idempotencyKey())).getUrl());
    }

    /** Portal sessions are short-lived and creating two changes nothing: stripe-java's own key suffices. */
    @Override
    public String openPortal(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams params = com.stripe.param.billingportal.SessionCreateParams
                .builder().setCustomer(customerId).setReturnUrl(returnUrl).build();
        return call(() -> client.v1().billingPortal().sessions().create(params).getUrl());
    }

    /** {@code resume} is for paused subscriptions only: a scheduled cancellation is undone by this same update. */
    @Override
    public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build();
        call(() -> client.v1().subscriptions().update(subscriptionId, params, keyed(idempotencyKey)));
    }

    @Override
    public void changePlan(String subscriptionId, String planSlug, String idempotencyKey) {
        String price = priceOf(planSlug);
        Subscription current = call(() -> client.v1().subscriptions().retrieve(subscriptionId));
        List<SubscriptionItem> items = current.getItems() == null ? List.of() : current.getItems().getData();
        if (items == null || items.size() != 1) {
            throw new BillingProviderException("billing.provider_rejected", "subscription " + subscriptionId
                    + " has " + (items == null ? 0 : items.size()) + " items; a plan change expects exactly one", false, null);
        }
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(items.get(0).getId()).setPrice(price).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.CREATE_PRORATIONS)
                .putMetadata("plan", planSlug)
                .build();
        call(() -> client.v1().subscriptions().update(subscriptionId, params, keyed(idempotencyKey)));
    }

    private String priceOf(String planSlug) {
        String price = prices.get(planSlug);
        if (price == null) {
            throw ValidationException.of("planSlug", "no Stripe price is configured for the plan " + planSlug);
        }
        return price;
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    /**
     * The CRM exception for a Stripe failure: network, timeout, 429 and 5xx are retryable.
     *
     * @param e what stripe-java threw
     * @return the exception to throw
     */
    static BillingProviderException translate(StripeException e) {
        Integer status = e.getStatusCode();
        boolean retryable = e instanceof ApiConnectionException || status == null || status == 429 || status >= 500;
        String what = status == null ? "could not be reached" : "answered " + status
                + (e.getCode() == null ? "" : " (" + e.getCode() + ")");
        String request = e.getRequestId() == null ? "" : ", request " + e.getRequestId();
        return new BillingProviderException(retryable ? "billing.provider_unavailable" : "billing.provider_rejected",
                "Stripe " + what + request, retryable, e);
    }

    private static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    /** Builds a {@link StripeBillingGateway}. */
    public static final class Builder {

        private final StripeConfig config;
        private final Map<String, String> prices = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder(StripeConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The Stripe price (recurring, in BRL) a plan is sold at.
         *
         * @param planSlug the plan, e.g. {@code professional}
         * @param priceId the price, e.g. {@code price_1Q...}
         * @return this builder
         * @throws ValidationException naming {@code planSlug} or {@code priceId}
         */
        public Builder price(String planSlug, String priceId) {
            if (planSlug == null || planSlug.isBlank()) {
                throw ValidationException.of("planSlug", "is required");
            }
            if (priceId == null || !priceId.startsWith("price_")) {
                throw ValidationException.of("priceId", "must be a Stripe price id (price_…)");
            }
            prices.put(planSlug.trim(), priceId);
            return this;
        }

        /**
         * How long to wait for a connection (default 10 s).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long to wait for an answer (default 30 s).
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * Builds the gateway.
         *
         * @return the gateway
         */
        public StripeBillingGateway build() {
            return new StripeBillingGateway(this);
        }

        private static Duration positive(String field, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw ValidationException.of(field, "must be a positive duration");
            }
            return timeout;
        }
    }
}
