package dev.lovedcrm.crm.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingProviderException;
import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.store.DatabaseEnum;
import java.time.Duration;
import java.time.Instant;
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

    /** The API version stripe-java 33.3.0 renders objects in; the webhook endpoint must be pinned to it. */
    public static final String API_VERSION = Stripe.API_VERSION;

    /** How old a signed delivery may be. */
    public static final long SIGNATURE_TOLERANCE_SECONDS = 300;

    private static final List<String> SUBSCRIPTION_EVENTS = List.of("checkout.session.completed",
            "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
            "invoice.paid", "invoice.payment_failed");

    private final StripeClient client;
    private final Map<String, String> prices;
    private final String webhookSecret;

    private StripeBillingGateway(Builder builder) {
        this.client = StripeClient.builder()
                .setApiKey(builder.config.apiKey())
                .setApiBase(trimSlash(builder.config.apiBase().toString()))
                .setConnectTimeout(Math.toIntExact(builder.connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(builder.readTimeout.toMillis()))
                .setMaxNetworkRetries(2)
                .build();
        this.prices = Map.copyOf(builder.prices);
        this.webhookSecret = builder.config.webhookSigningSecret();
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

    /**
     * Verifies the {@code Stripe-Signature} (HMAC-SHA256, {@value #SIGNATURE_TOLERANCE_SECONDS} s tolerance),
     * refuses an event rendered in another API version than {@link #API_VERSION} (stripe-java would read it as an
     * empty object), and for the subscription events ({@code checkout.session.completed},
     * {@code customer.subscription.created|updated|deleted}, {@code invoice.paid}, {@code invoice.payment_failed})
     * fetches the subscription's current state: deliveries are not ordered and a subscription has no version.
     */
    @Override
    public WebhookEvent verifyWebhook(String payload, String signatureHeader) {
        Event event;
        try {
            event = client.constructEvent(payload, signatureHeader, webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new AuthenticationException("billing.webhook_signature_invalid",
                    "the Stripe-Signature does not verify or is older than " + SIGNATURE_TOLERANCE_SECONDS + " s");
        } catch (RuntimeException e) {
            throw ValidationException.of("payload", "is not a Stripe event");
        }
        if (!API_VERSION.equals(event.getApiVersion())) {
            throw new CrmException("billing.webhook_api_version", "event " + event.getId() + " was rendered in API version "
                    + event.getApiVersion() + " but this library reads " + API_VERSION
                    + ": pin the webhook endpoint's API version to it");
        }
        if (!SUBSCRIPTION_EVENTS.contains(event.getType())) {
            return new WebhookEvent(event.getId(), event.getType(), null);
        }
        StripeObject object = event.getDataObjectDeserializer().getObject()
                .orElseThrow(() -> new CrmException("billing.webhook_api_version", "event " + event.getId()
                        + " could not be read in API version " + API_VERSION));
        String subscriptionId = subscriptionOf(object);
        if (subscriptionId == null) {
            return new WebhookEvent(event.getId(), event.getType(), null);
        }
        Subscription current = call(() -> client.v1().subscriptions().retrieve(subscriptionId));
        return new WebhookEvent(event.getId(), event.getType(), state(current));
    }

    private static String subscriptionOf(StripeObject object) {
        if (object instanceof Subscription subscription) {
            return subscription.getId();
        }
        if (object instanceof com.stripe.model.checkout.Session session) {
            return session.getSubscription();
        }
        if (object instanceof Invoice invoice && invoice.getParent() != null
                && invoice.getParent().getSubscriptionDetails() != null) {
            return invoice.getParent().getSubscriptionDetails().getSubscription();
        }
        return null;
    }

    /** The subscription as the CRM records it; since API 2025-03-31 the period lives on the items. */
    private ProviderSubscription state(Subscription subscription) {
        List<SubscriptionItem> items = subscription.getItems() == null || subscription.getItems().getData() == null
                ? List.of() : subscription.getItems().getData();
        SubscriptionItem item = items.isEmpty() ? null : items.get(0);
        String price = item == null || item.getPrice() == null ? null : item.getPrice().getId();
        String plan = prices.entrySet().stream().filter(e -> e.getValue().equals(price)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        String organization = subscription.getMetadata() == null ? null : subscription.getMetadata().get(ORGANIZATION_METADATA);
        OrganizationId organizationId = null;
        if (organization != null) {
            try {
                organizationId = OrganizationId.parse(organization);
            } catch (ValidationException e) {
                organizationId = null;
            }
        }
        SubscriptionStatus status = DatabaseEnum.fromDbValue(SubscriptionStatus.class, subscription.getStatus())
                .orElseThrow(() -> new CrmException("billing.webhook_unknown_status", "subscription "
                        + subscription.getId() + " has a status this library does not know: " + subscription.getStatus()));
        return new ProviderSubscription(subscription.getId(), subscription.getCustomer(), organizationId, plan, status,
                instant(subscription.getTrialStart()), instant(subscription.getTrialEnd()),
                item == null ? null : instant(item.getCurrentPeriodStart()),
                item == null ? null : instant(item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()));
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
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
