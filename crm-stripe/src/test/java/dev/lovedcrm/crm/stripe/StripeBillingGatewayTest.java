package dev.lovedcrm.crm.stripe;

import static dev.lovedcrm.crm.stripe.FakeStripe.ok;
import static dev.lovedcrm.crm.stripe.FakeStripe.slow;
import static dev.lovedcrm.crm.stripe.FakeStripe.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.billing.BillingGateway.CheckoutRequest;
import dev.lovedcrm.crm.billing.BillingGateway.CustomerRequest;
import dev.lovedcrm.crm.billing.BillingProviderException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.stripe.FakeStripe.Request;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against a real local HTTP server standing in for Stripe: the requests it sends and its errors. */
class StripeBillingGatewayTest {

    private static final OrganizationId ORG = OrganizationId.parse("01900000-0000-7000-8000-000000000abc");
    private static final String ERROR_400 = """
            {"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "No such price"}}""";
    private static final String ERROR_500 = """
            {"error": {"type": "api_error", "message": "Something went wrong"}}""";

    private FakeStripe stripe;
    private StripeBillingGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stripe = new FakeStripe();
        gateway = StripeBillingGateway.builder(new StripeConfig("sk_test_fake_key_1234", stripe.base(), "whsec_test"))
                .price("professional", "price_pro_brl")
                .readTimeout(Duration.ofMillis(400))
                .build();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void createsTheCustomerWithTheOrganizationInItsMetadataAndTheGivenKey() {
        stripe.on("POST", "/v1/customers", ok("""
                {"id": "cus_123", "object": "customer", "metadata": {"organization_id": "%s"}}""".formatted(ORG)));

        String customer = gateway.createCustomer(new CustomerRequest(ORG, "Acme Ltda", "crm-customer-" + ORG));

        assertThat(customer).isEqualTo("cus_123");
        Request request = single();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.form()).containsEntry("name", "Acme Ltda").containsEntry("metadata[organization_id]", ORG.toString());
        assertThat(request.idempotencyKey()).isEqualTo("crm-customer-" + ORG);
        assertThat(request.authorization()).isEqualTo("Bearer sk_test_fake_key_1234");
    }

    @Test
    void startsASubscriptionCheckoutInPortugueseCarryingTheOrganization() {
        stripe.on("POST", "/v1/checkout/sessions", ok("""
                {"id": "cs_test_1", "object": "checkout.session", "mode": "subscription",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_1"}"""));

        String url = gateway.startCheckout(new CheckoutRequest(ORG, "cus_123", "professional", "https://app.test/ok",
                "https://app.test/no", "crm-checkout-" + ORG + "-professional-a1"));

        assertThat(url).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
        Request request = single();
        assertThat(request.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(request.form())
                .containsEntry("mode", "subscription")
                .containsEntry("customer", "cus_123")
                .containsEntry("client_reference_id", ORG.toString())
                .containsEntry("locale", "pt-BR")
                .containsEntry("success_url", "https://app.test/ok")
                .containsEntry("cancel_url", "https://app.test/no")
                .containsEntry("line_items[0][price]", "price_pro_brl")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("subscription_data[metadata][organization_id]", ORG.toString());
        assertThat(request.idempotencyKey()).isEqualTo("crm-checkout-" + ORG + "-professional-a1");
    }

    @Test
    void opensThePortalWithAReturnUrl() {
        stripe.on("POST", "/v1/billing_portal/sessions", ok("""
                {"id": "bps_1", "object": "billing_portal.session", "url": "https://billing.stripe.com/p/session/x"}"""));

        assertThat(gateway.openPortal("cus_123", "https://app.test/billing")).isEqualTo("https://billing.stripe.com/p/session/x");
        assertThat(single().form()).containsEntry("customer", "cus_123").containsEntry("return_url", "https://app.test/billing");
    }

    @Test
    void cancelsAtPeriodEndAndUndoesItByUpdatingTheSubscription() {
        stripe.on("POST", "/v1/subscriptions/sub_1", ok("""
                {"id": "sub_1", "object": "subscription", "status": "active", "cancel_at_period_end": true}"""));

        gateway.setCancelAtPeriodEnd("sub_1", true, "k-cancel");
        gateway.setCancelAtPeriodEnd("sub_1", false, "k-undo");

        List<Request> requests = stripe.requests();
        assertThat(requests).extracting(Request::path).containsExactly("/v1/subscriptions/sub_1", "/v1/subscriptions/sub_1");
        assertThat(requests.get(0).form()).containsEntry("cancel_at_period_end", "true");
        assertThat(requests.get(1).form()).containsEntry("cancel_at_period_end", "false");
        assertThat(requests).extracting(Request::idempotencyKey).containsExactly("k-cancel", "k-undo");
    }

    @Test
    void changesThePlanOfTheSubscriptionsOneItemWithProration() {
        stripe.on("GET", "/v1/subscriptions/sub_1", ok("""
                {"id": "sub_1", "object": "subscription", "status": "active",
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                   "current_period_start": 1785000000, "current_period_end": 1787600000}]}}"""));
        stripe.on("POST", "/v1/subscriptions/sub_1", ok("""
                {"id": "sub_1", "object": "subscription", "status": "active"}"""));

        gateway.changePlan("sub_1", "professional", "k-plan");

        List<Request> requests = stripe.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /v1/subscriptions/sub_1", "POST /v1/subscriptions/sub_1");
        assertThat(requests.get(1).form())
                .containsEntry("items[0][id]", "si_1")
                .containsEntry("items[0][price]", "price_pro_brl")
                .containsEntry("proration_behavior", "create_prorations");
        assertThat(requests.get(1).idempotencyKey()).isEqualTo("k-plan");
    }

    @Test
    void aPlanWithoutAPriceIsRefusedByFieldWithoutARequest() {
        assertThatThrownBy(() -> gateway.startCheckout(new CheckoutRequest(ORG, "cus_1", "gold", "https://a.test/ok",
                "https://a.test/no", "k")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("planSlug")).isTrue());
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedWithTheSameKeyThenReportedAsRetryable() {
        stripe.on("POST", "/v1/customers", status(500, ERROR_500));

        assertThatThrownBy(() -> gateway.createCustomer(new CustomerRequest(ORG, "Acme", "k-500")))
                .isInstanceOfSatisfying(BillingProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("billing.provider_unavailable");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(stripe.requests()).hasSizeBetween(1, 3).extracting(Request::idempotencyKey).containsOnly("k-500");
    }

    @Test
    void aServerErrorFollowedBySuccessSucceedsAsOneKeyedRequest() {
        stripe.on("POST", "/v1/customers", status(503, ERROR_500), ok("""
                {"id": "cus_9", "object": "customer"}"""));

        assertThat(gateway.createCustomer(new CustomerRequest(ORG, "Acme", "k-503"))).isEqualTo("cus_9");
        assertThat(stripe.requests()).hasSize(2).extracting(Request::idempotencyKey).containsOnly("k-503");
    }

    @Test
    void tooManyRequestsIsRetryable() {
        stripe.on("POST", "/v1/subscriptions/sub_1", status(429, """
                {"error": {"type": "invalid_request_error", "code": "rate_limit", "message": "Too many requests"}}"""));

        assertThatThrownBy(() -> gateway.setCancelAtPeriodEnd("sub_1", true, "k-429"))
                .isInstanceOfSatisfying(BillingProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aRejectedRequestIsNotRetryable() {
        stripe.on("POST", "/v1/checkout/sessions", status(400, ERROR_400));

        assertThatThrownBy(() -> gateway.startCheckout(new CheckoutRequest(ORG, "cus_1", "professional",
                "https://a.test/ok", "https://a.test/no", "k-400")))
                .isInstanceOfSatisfying(BillingProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("billing.provider_rejected");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("400", "resource_missing").doesNotContain("sk_test");
                });
        assertThat(stripe.requests()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetryable() {
        stripe.on("POST", "/v1/billing_portal/sessions", slow(1500, """
                {"id": "bps_1", "object": "billing_portal.session", "url": "https://billing.stripe.com/p/x"}"""));

        assertThatThrownBy(() -> gateway.openPortal("cus_1", "https://a.test/back"))
                .isInstanceOfSatisfying(BillingProviderException.class, e -> {
                    assertThat(e.code()).isEqualTo("billing.provider_unavailable");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void badConfigurationIsRefusedByField() {
        StripeConfig config = new StripeConfig("sk_test_fake_key_1234", stripe.base(), "whsec_test");
        assertThatThrownBy(() -> StripeBillingGateway.builder(config).price("professional", "prod_x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("priceId")).isTrue());
        assertThatThrownBy(() -> StripeBillingGateway.builder(config).readTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("readTimeout")).isTrue());
    }

    private Request single() {
        assertThat(stripe.requests()).hasSize(1);
        return stripe.requests().get(0);
    }
}
