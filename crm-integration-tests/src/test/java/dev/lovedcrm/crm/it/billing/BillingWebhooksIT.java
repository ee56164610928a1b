package dev.lovedcrm.crm.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingWebhooks.WebhookOutcome;
import dev.lovedcrm.crm.billing.Subscription;
import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries applied to the database: checkout to an active subscription that opens the gates, a failed
 * payment, a cancellation back to Básico, duplicates (also concurrent), out-of-order deliveries and unknown
 * customers. The gateway here is scripted (payload = event id); signature checks and the reading of Stripe's
 * state are crm-stripe's tests.
 */
@CrmDatabaseTest
class BillingWebhooksIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private static final ScriptedGateway gateway = new ScriptedGateway();
    private static final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private static Crm crm;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).billing(gateway).eventListener(events::add).build();
    }

    @Test
    void checkoutThenFailedPaymentThenCancellationMoveTheOrganizationsPlan() throws SQLException {
        UserId owner = fx.user("hook");
        Organization org = fx.organization(owner, "Hook Co");
        TenantScope scope = crm.tenant(org.id(), owner);
        scope.billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no");
        seedLeads(org.id(), 100);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-01T00:00:00Z");

        gateway.script("evt_checkout", "checkout.session.completed",
                state(org.id(), SubscriptionStatus.ACTIVE, start, end, false));
        assertThat(crm.billingWebhooks().handle("evt_checkout", "sig")).isEqualTo(WebhookOutcome.APPLIED);

        Subscription active = scope.billing().current();
        assertThat(active.plan().slug()).isEqualTo("professional");
        assertThat(active.effectivePlan().slug()).isEqualTo("professional");
        assertThat(active.providerSubscriptionId()).isEqualTo("sub_" + org.id());
        assertThat(active.currentPeriodStart()).isEqualTo(start);
        assertThat(active.currentPeriodEnd()).isEqualTo(end);
        assertThat(status(org.id())).isEqualTo("active");
        scope.leads().create(NewLead.named("Hundred and first: the gate is open"));
        assertThat(eventsOf(org.id())).containsExactly("plan.changed", "subscription.updated");

        gateway.script("evt_failed", "invoice.payment_failed",
                state(org.id(), SubscriptionStatus.PAST_DUE, start, end, false));
        assertThat(crm.billingWebhooks().handle("evt_failed", "sig")).isEqualTo(WebhookOutcome.APPLIED);
        assertThat(scope.billing().current().status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(scope.billing().current().effectivePlan().slug()).isEqualTo("professional");
        assertThat(status(org.id())).isEqualTo("past_due");

        gateway.script("evt_deleted", "customer.subscription.deleted",
                state(org.id(), SubscriptionStatus.CANCELED, start, end, false));
        assertThat(crm.billingWebhooks().handle("evt_deleted", "sig")).isEqualTo(WebhookOutcome.APPLIED);
        Subscription canceled = scope.billing().current();
        assertThat(canceled.active()).isFalse();
        assertThat(canceled.effectivePlan().slug()).isEqualTo("basic");
        assertThat(status(org.id())).isEqualTo("canceled");
        Expect.code("plan.lead_limit_reached", () -> scope.leads().create(NewLead.named("Back on Básico")));
        assertThat(eventsOf(org.id())).containsExactly("plan.changed", "subscription.updated", "subscription.updated",
                "plan.changed", "subscription.updated");
    }

    @Test
    void theSameEventTwiceChangesNothingTheSecondTime() throws SQLException {
        UserId owner = fx.user("dup");
        Organization org = fx.organization(owner, "Dup Co");
        crm.tenant(org.id(), owner).billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no");
        gateway.script("evt_dup", "customer.subscription.created", state(org.id(), SubscriptionStatus.TRIALING,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-15T00:00:00Z"), false));

        assertThat(crm.billingWebhooks().handle("evt_dup", "sig")).isEqualTo(WebhookOutcome.APPLIED);
        List<String> after = Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events");
        assertThat(crm.billingWebhooks().handle("evt_dup", "sig")).isEqualTo(WebhookOutcome.DUPLICATE);

        assertThat(Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events")).isEqualTo(after);
        assertThat(crm.tenant(org.id(), owner).billing().current().status()).isEqualTo(SubscriptionStatus.TRIALING);
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        UserId owner = fx.user("race");
        Organization org = fx.organization(owner, "Race Co");
        crm.tenant(org.id(), owner).billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no");
        String id = "evt_race_" + org.id();
        gateway.script(id, "customer.subscription.updated", state(org.id(), SubscriptionStatus.ACTIVE, null, null, false));
        Callable<?>[] calls = IntStream.range(0, 6).<Callable<?>>mapToObj(i -> () -> crm.billingWebhooks().handle(id, "sig"))
                .toArray(Callable<?>[]::new);

        List<Object> outcomes = Race.run(calls);

        assertThat(outcomes).filteredOn(WebhookOutcome.APPLIED::equals).hasSize(1);
        assertThat(outcomes).filteredOn(WebhookOutcome.DUPLICATE::equals).hasSize(5);
        assertThat(eventsOf(org.id())).containsExactly("plan.changed", "subscription.updated");
    }

    @Test
    void anOlderEventDeliveredLateAppliesTheCurrentStateNotItsOwn() throws SQLException {
        UserId owner = fx.user("late");
        Organization org = fx.organization(owner, "Late Co");
        crm.tenant(org.id(), owner).billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no");
        // Stripe now says canceled; the "created" event of long ago arrives last. The gateway fetches current state.
        gateway.script("evt_new", "customer.subscription.deleted", state(org.id(), SubscriptionStatus.CANCELED, null, null, false));
        gateway.script("evt_old", "customer.subscription.created", state(org.id(), SubscriptionStatus.CANCELED, null, null, false));

        crm.billingWebhooks().handle("evt_new", "sig");
        crm.billingWebhooks().handle("evt_old", "sig");

        assertThat(status(org.id())).isEqualTo("canceled");
        assertThat(crm.tenant(org.id(), owner).billing().current().effectivePlan().slug()).isEqualTo("basic");
    }

    @Test
    void unknownCustomersAndOtherEventsAreAcknowledged() {
        gateway.script("evt_other", "customer.created", null);
        gateway.script("evt_unknown", "customer.subscription.updated", new BillingGateway.ProviderSubscription("sub_nobody",
                "cus_nobody", OrganizationId.generate(), "professional", SubscriptionStatus.ACTIVE, null, null, null, null, false));

        assertThat(crm.billingWebhooks().handle("evt_other", "sig")).isEqualTo(WebhookOutcome.IGNORED);
        assertThat(crm.billingWebhooks().handle("evt_unknown", "sig")).isEqualTo(WebhookOutcome.UNKNOWN_CUSTOMER);
        assertThat(crm.billingWebhooks().handle("evt_unknown", "sig")).isEqualTo(WebhookOutcome.DUPLICATE);
        Expect.field("payload", () -> crm.billingWebhooks().handle(" ", "sig"));
        Expect.field("signatureHeader", () -> crm.billingWebhooks().handle("evt_other", null));
        Expect.code("billing.no_gateway", () -> fx.crm.billingWebhooks().handle("evt_other", "sig"));
    }

    private static BillingGateway.ProviderSubscription state(OrganizationId org, SubscriptionStatus status, Instant start,
            Instant end, boolean cancel) {
        return new BillingGateway.ProviderSubscription("sub_" + org, "cus_" + org, org, "professional", status,
                null, status == SubscriptionStatus.TRIALING ? end : null, start, end, cancel);
    }

    private static List<String> eventsOf(OrganizationId org) {
        return events.stream().filter(e -> org.equals(e.organizationId()))
                .filter(e -> e.type().startsWith("plan.") || e.type().startsWith("subscription."))
                .map(DomainEvent::type).toList();
    }

    private static String status(OrganizationId org) throws SQLException {
        return Sql.string(db.ownerDataSource(), "SELECT subscription_status FROM crm.organizations WHERE id = ?", org.value());
    }

    private static void seedLeads(OrganizationId org, int count) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO crm.leads (organization_id, id, name)
                SELECT ?, gen_random_uuid(), 'Seeded ' || n FROM generate_series(1, ?) AS n""")) {
            s.setObject(1, org.value());
            s.setInt(2, count);
            s.executeUpdate();
        }
    }

    /** Answers a delivery whose payload is an event id with the scripted event; any signature passes. */
    private static final class ScriptedGateway implements BillingGateway {

        private final Map<String, WebhookEvent> scripted = new ConcurrentHashMap<>();

        void script(String id, String type, ProviderSubscription state) {
            scripted.put(id, new WebhookEvent(id, type, state));
        }

        @Override
        public WebhookEvent verifyWebhook(String payload, String signatureHeader) {
            return scripted.get(payload);
        }

        @Override
        public String createCustomer(CustomerRequest request) {
            return "cus_" + request.organizationId();
        }

        @Override
        public String startCheckout(CheckoutRequest request) {
            return "https://checkout.test/" + request.organizationId();
        }

        @Override
        public String openPortal(String customerId, String returnUrl) {
            return "https://portal.test/" + customerId;
        }

        @Override
        public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
        }

        @Override
        public void changePlan(String subscriptionId, String planSlug, String idempotencyKey) {
        }
    }
}
