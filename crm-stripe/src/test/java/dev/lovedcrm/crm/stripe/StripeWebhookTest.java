package dev.lovedcrm.crm.stripe;

import static dev.lovedcrm.crm.stripe.FakeStripe.ok;
import static dev.lovedcrm.crm.stripe.FakeStripe.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.lovedcrm.crm.billing.BillingGateway.ProviderSubscription;
import dev.lovedcrm.crm.billing.BillingGateway.WebhookEvent;
import dev.lovedcrm.crm.billing.BillingProviderException;
import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.OrganizationId;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook verification and the subscription's current state read from a local server standing in for Stripe. */
class StripeWebhookTest {

    private static final String SECRET = "whsec_test_secret";
    private static final OrganizationId ORG = OrganizationId.parse("01900000-0000-7000-8000-000000000abc");
    private static final String SUBSCRIPTION = """
            {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "%s",
             "cancel_at_period_end": %s, "trial_start": null, "trial_end": null,
             "metadata": {"organization_id": "%s"},
             "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
               "current_period_start": 1785000000, "current_period_end": 1787600000,
               "price": {"id": "price_pro_brl", "object": "price"}}]}}""";

    private FakeStripe stripe;
    private StripeBillingGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stripe = new FakeStripe();
        gateway = StripeBillingGateway.builder(new StripeConfig("sk_test_fake_key_1234", stripe.base(), SECRET))
                .price("professional", "price_pro_brl")
                .build();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aSignedSubscriptionEventYieldsTheSubscriptionAsStripeHasItNow() throws Exception {
        stripe.on("GET", "/v1/subscriptions/sub_1", ok(SUBSCRIPTION.formatted("past_due", "true", ORG)));
        String payload = event("evt_1", "customer.subscription.updated", """
                {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "active"}""",
                StripeBillingGateway.API_VERSION);

        WebhookEvent event = gateway.verifyWebhook(payload, Webhook.Signature.generateSignatureHeader(payload, SECRET));

        assertThat(event.id()).isEqualTo("evt_1");
        ProviderSubscription state = event.subscription();
        assertThat(state.status()).isEqualTo(SubscriptionStatus.PAST_DUE); // the fetched state, not the event's copy
        assertThat(state.organizationId()).isEqualTo(ORG);
        assertThat(state.customerId()).isEqualTo("cus_1");
        assertThat(state.planSlug()).isEqualTo("professional");
        assertThat(state.cancelAtPeriodEnd()).isTrue();
        assertThat(state.currentPeriodStart()).isEqualTo(Instant.ofEpochSecond(1785000000));
        assertThat(state.currentPeriodEnd()).isEqualTo(Instant.ofEpochSecond(1787600000));
        assertThat(stripe.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("GET /v1/subscriptions/sub_1");
    }

    @Test
    void aCompletedCheckoutAndAPaidInvoiceLeadToTheirSubscription() throws Exception {
        stripe.on("GET", "/v1/subscriptions/sub_1", ok(SUBSCRIPTION.formatted("active", "false", ORG)));
        String checkout = event("evt_2", "checkout.session.completed", """
                {"id": "cs_1", "object": "checkout.session", "mode": "subscription", "customer": "cus_1",
                 "subscription": "sub_1", "client_reference_id": "%s"}""".formatted(ORG), StripeBillingGateway.API_VERSION);
        String invoice = event("evt_3", "invoice.paid", """
                {"id": "in_1", "object": "invoice", "customer": "cus_1",
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_1"}}}""",
                StripeBillingGateway.API_VERSION);

        assertThat(gateway.verifyWebhook(checkout, Webhook.Signature.generateSignatureHeader(checkout, SECRET))
                .subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(gateway.verifyWebhook(invoice, Webhook.Signature.generateSignatureHeader(invoice, SECRET))
                .subscription().subscriptionId()).isEqualTo("sub_1");
    }

    @Test
    void otherEventsCarryNoSubscriptionAndCallNothing() throws Exception {
        String payload = event("evt_4", "customer.created", """
                {"id": "cus_1", "object": "customer"}""", StripeBillingGateway.API_VERSION);

        assertThat(gateway.verifyWebhook(payload, Webhook.Signature.generateSignatureHeader(payload, SECRET)).subscription())
                .isNull();
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        String payload = event("evt_5", "customer.subscription.updated", "{\"id\": \"sub_1\", \"object\": \"subscription\"}",
                StripeBillingGateway.API_VERSION);

        assertThatThrownBy(() -> gateway.verifyWebhook(payload,
                Webhook.Signature.generateSignatureHeader(payload, "whsec_someone_else")))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("billing.webhook_signature_invalid"));
        assertThatThrownBy(() -> gateway.verifyWebhook(payload.replace("evt_5", "evt_6"),
                Webhook.Signature.generateSignatureHeader(payload, SECRET)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefused() throws Exception {
        String payload = event("evt_7", "customer.subscription.updated", "{\"id\": \"sub_1\", \"object\": \"subscription\"}",
                StripeBillingGateway.API_VERSION);
        long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

        assertThatThrownBy(() -> gateway.verifyWebhook(payload,
                Webhook.Signature.generateSignatureHeader(payload, SECRET, tenMinutesAgo)))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo("billing.webhook_signature_invalid"));
    }

    @Test
    void anEventOfAnotherApiVersionFailsLoudly() throws Exception {
        String payload = event("evt_8", "customer.subscription.updated", "{\"id\": \"sub_1\", \"object\": \"subscription\"}",
                "2024-06-20");

        assertThatThrownBy(() -> gateway.verifyWebhook(payload, Webhook.Signature.generateSignatureHeader(payload, SECRET)))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.code()).isEqualTo("billing.webhook_api_version");
                    assertThat(e.getMessage()).contains("2024-06-20", StripeBillingGateway.API_VERSION);
                });
    }

    @Test
    void stripeUnavailableWhileFetchingIsRetryableSoStripeDeliversAgain() throws Exception {
        stripe.on("GET", "/v1/subscriptions/sub_1", status(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"x\"}}"));
        String payload = event("evt_9", "customer.subscription.deleted", "{\"id\": \"sub_1\", \"object\": \"subscription\"}",
                StripeBillingGateway.API_VERSION);

        assertThatThrownBy(() -> gateway.verifyWebhook(payload, Webhook.Signature.generateSignatureHeader(payload, SECRET)))
                .isInstanceOfSatisfying(BillingProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    private static String event(String id, String type, String object, String apiVersion) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "type": "%s", "data": {"object": %s}}""".formatted(id, apiVersion,
                Instant.now().getEpochSecond(), type, object);
    }
}
