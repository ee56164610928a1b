package dev.lovedcrm.crm.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingProviderException;
import dev.lovedcrm.crm.billing.Subscription;
import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans, local plan changes, the owner rule, the downgrade rule, and the gateway calls with their keys. */
@CrmDatabaseTest
class BillingIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void plansAreListedCheapestFirstWithPriceAndFeatures() {
        List<Plan> plans = fx.crm.plans().list();

        assertThat(plans).extracting(Plan::slug).containsExactly("basic", "professional");
        assertThat(plans.get(0).priceCents()).isZero();
        assertThat(plans.get(0).features()).contains("up_to_100_leads");
        assertThat(plans.get(1).priceCents()).isEqualTo(2900);
        assertThat(plans.get(1).currency()).isEqualTo("BRL");
        assertThat(plans.get(1).features()).contains("unlimited_leads", "api_access", "integrations", "advanced_reports");
        assertThat(fx.crm.plans().find("professional")).map(Plan::name).contains("Profissional");
        assertThat(fx.crm.plans().find("gold")).isEmpty();
        Expect.field("slug", () -> fx.crm.plans().find(" "));
    }

    @Test
    void anOrganizationWithoutASubscriptionIsOnBasic() throws SQLException {
        UserId owner = fx.user("fresh");
        Organization org = fx.organization(owner, "Fresh Co");

        Subscription current = fx.scope(org.id(), owner).billing().current();

        assertThat(current.stored()).isFalse();
        assertThat(current.plan().slug()).isEqualTo("basic");
        assertThat(current.effectivePlan().slug()).isEqualTo("basic");
        assertThat(current.active()).isTrue();
        assertThat(status(org.id())).isEqualTo("free");
    }

    @Test
    void theOwnerChangesThePlanLocallyAndTheLimitFollows() throws SQLException {
        UserId owner = fx.user("owner");
        Organization org = fx.organization(owner, "Upgrade Co");
        TenantScope scope = fx.scope(org.id(), owner);
        seedLeads(org.id(), 100);
        Expect.code("plan.lead_limit_reached", () -> scope.leads().create(NewLead.named("Too many")));
        int before = fx.events.size();

        Subscription pro = scope.billing().changePlan("professional");

        assertThat(pro.stored()).isTrue();
        assertThat(pro.plan().slug()).isEqualTo("professional");
        assertThat(pro.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(pro.currentPeriodStart()).isNotNull();
        assertThat(status(org.id())).isEqualTo("active");
        assertThat(fx.events.subList(before, fx.events.size())).extracting(e -> e.type())
                .containsExactly("plan.changed", "subscription.updated");
        scope.leads().create(NewLead.named("Hundred and first"));
        assertThat(scope.billing().changePlan("professional").plan().slug()).isEqualTo("professional");
        assertThat(fx.events.size()).isEqualTo(before + 2 + 1); // the lead, no billing event for the same plan

        // Down to Básico with 101 leads: accepted, and creating more is refused until under the limit.
        Subscription basic = scope.billing().changePlan("basic");
        assertThat(basic.plan().slug()).isEqualTo("basic");
        PlanLimitExceededException refused = assertThrows(PlanLimitExceededException.class,
                () -> scope.leads().create(NewLead.named("Over the limit")));
        assertThat(refused.getMessage()).contains("Profissional");
        scope.leads().delete(scope.leads().list().items().get(0).id());
        scope.leads().delete(scope.leads().list().items().get(0).id());
        scope.leads().create(NewLead.named("Under again"));
    }

    @Test
    void onlyTheOwnerChangesBillingAndEveryMemberReadsIt() throws SQLException {
        UserId owner = fx.user("o");
        Organization org = fx.organization(owner, "Roles Co");
        for (Role role : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
            UserId user = fx.member(org, owner, role, role.dbValue());
            TenantScope scope = fx.scope(org.id(), user);
            assertThat(scope.billing().current().plan().slug()).isEqualTo("basic");
            Expect.code("permission.denied", () -> scope.billing().changePlan("professional"));
        }
        assertThat(Sql.number(db.ownerDataSource(),
                "SELECT count(*) FROM crm.organization_subscriptions WHERE organization_id = ?", org.id().value())).isZero();
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws SQLException {
        UserId owner = fx.user("bad");
        Organization org = fx.organization(owner, "Bad Input Co");
        TenantScope scope = fx.scope(org.id(), owner);
        List<String> before = Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events");

        Expect.field("planSlug", () -> scope.billing().changePlan(null));
        Expect.field("planSlug", () -> scope.billing().changePlan("gold"));
        Expect.field("planSlug", () -> scope.billing().changePlan("basic\nx"));
        Expect.field("successUrl", () -> scope.billing().startCheckout("professional", "javascript:alert(1)", "https://x.com"));
        Expect.field("cancelUrl", () -> scope.billing().startCheckout("professional", "https://x.com", null));
        Expect.field("returnUrl", () -> scope.billing().openPortal("ftp://x"));
        Expect.code("billing.no_gateway", () -> scope.billing().startCheckout("professional", "https://x.com/ok",
                "https://x.com/no"));
        Expect.code("billing.no_gateway", () -> scope.billing().cancelAtPeriodEnd());

        assertThat(Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events")).isEqualTo(before);
    }

    @Test
    void withAGatewayTheCustomerIsCreatedOnceAndEveryCallCarriesADeterministicKey() throws SQLException {
        RecordingGateway gateway = new RecordingGateway();
        Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).billing(gateway).build();
        UserId owner = fx.user("gw");
        Organization org = fx.organization(owner, "Gateway Co");
        TenantScope scope = crm.tenant(org.id(), owner);

        Expect.code("billing.not_an_upgrade", () -> scope.billing().startCheckout("basic", "https://a.com/ok", "https://a.com/no"));
        Expect.code("billing.checkout_required", () -> scope.billing().changePlan("professional"));
        Expect.code("billing.no_customer", () -> scope.billing().openPortal("https://a.com/back"));
        String first = scope.billing().startCheckout("professional", "https://a.com/ok", "https://a.com/no");
        String again = scope.billing().startCheckout("professional", "https://a.com/ok", "https://a.com/no");

        assertThat(first).isEqualTo("https://checkout.test/1");
        assertThat(again).isEqualTo("https://checkout.test/2");
        assertThat(gateway.calls).filteredOn(c -> c.startsWith("customer ")).hasSize(1)
                .first().asString().contains("crm-customer-" + org.id());
        List<String> checkouts = gateway.calls.stream().filter(c -> c.startsWith("checkout ")).toList();
        assertThat(checkouts).hasSize(2);
        assertThat(checkouts.get(0)).isEqualTo(checkouts.get(1)).contains("crm-checkout-" + org.id() + "-professional-");
        assertThat(scope.billing().openPortal("https://a.com/back")).isEqualTo("https://portal.test/cus_1");
        Expect.code("billing.no_provider_subscription", () -> scope.billing().cancelAtPeriodEnd());

        // The provider's webhook would record the subscription; written directly here.
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE crm.organization_subscriptions SET stripe_subscription_id = 'sub_1',
                       plan_id = (SELECT id FROM crm.plans WHERE slug = 'professional') WHERE organization_id = ?""")) {
            s.setObject(1, org.id().value());
            s.executeUpdate();
        }
        Expect.code("billing.cancel_to_downgrade", () -> scope.billing().changePlan("basic"));
        assertThat(scope.billing().cancelAtPeriodEnd().cancelAtPeriodEnd()).isTrue();
        assertThat(scope.billing().cancelAtPeriodEnd().cancelAtPeriodEnd()).isTrue();
        assertThat(scope.billing().undoCancellation().cancelAtPeriodEnd()).isFalse();
        assertThat(scope.billing().cancelAtPeriodEnd().cancelAtPeriodEnd()).isTrue();
        List<String> cancels = gateway.calls.stream().filter(c -> c.startsWith("cancel ")).toList();
        assertThat(cancels).hasSize(3);
        assertThat(cancels.get(0)).startsWith("cancel sub_1 true crm-cancel-" + org.id() + "-sub_1-");
        assertThat(cancels.get(2)).startsWith("cancel sub_1 true").isNotEqualTo(cancels.get(0));
    }

    @Test
    void aFailingProviderLeavesTheDataAsItWas() throws SQLException {
        RecordingGateway gateway = new RecordingGateway();
        Crm crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).billing(gateway).build();
        UserId owner = fx.user("down");
        Organization org = fx.organization(owner, "Down Co");
        TenantScope scope = crm.tenant(org.id(), owner);
        scope.billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no");
        assertThat(status(org.id())).isEqualTo("free"); // a checkout alone changes no status: the webhook does
        gateway.failing = true;
        List<String> before = Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events");

        Expect.code("billing.provider_unavailable",
                () -> scope.billing().startCheckout("professional", "https://a.test/ok", "https://a.test/no"));
        assertThat(Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events")).isEqualTo(before);

        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE crm.organization_subscriptions SET stripe_subscription_id = 'sub_down',
                       plan_id = (SELECT id FROM crm.plans WHERE slug = 'professional') WHERE organization_id = ?""")) {
            s.setObject(1, org.id().value());
            s.executeUpdate();
        }
        before = Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events");
        Expect.code("billing.provider_unavailable", () -> scope.billing().cancelAtPeriodEnd());
        assertThat(Sql.snapshot(db.ownerDataSource(), "organization_subscriptions", "domain_events")).isEqualTo(before);
    }

    /** An in-memory gateway recording the calls the service makes (the Stripe module has its own tests). */
    private static final class RecordingGateway implements BillingGateway {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        private void maybeFail() {
            if (failing) {
                throw new BillingProviderException("billing.provider_unavailable", "Stripe answered 503", true, null);
            }
        }

        @Override
        public String createCustomer(CustomerRequest request) {
            calls.add("customer " + request.organizationId() + " " + request.idempotencyKey());
            return "cus_1";
        }

        @Override
        public String startCheckout(CheckoutRequest request) {
            maybeFail();
            calls.add("checkout " + request.customerId() + " " + request.planSlug() + " " + request.idempotencyKey());
            return "https://checkout.test/" + calls.stream().filter(c -> c.startsWith("checkout ")).count();
        }

        @Override
        public String openPortal(String customerId, String returnUrl) {
            calls.add("portal " + customerId + " " + returnUrl);
            return "https://portal.test/" + customerId;
        }

        @Override
        public void setCancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
            maybeFail();
            calls.add("cancel " + subscriptionId + " " + cancel + " " + idempotencyKey);
        }

        @Override
        public void changePlan(String subscriptionId, String planSlug, String idempotencyKey) {
            calls.add("plan " + subscriptionId + " " + planSlug + " " + idempotencyKey);
        }

        @Override
        public WebhookEvent verifyWebhook(String payload, String signatureHeader) {
            throw new UnsupportedOperationException("not used here: see BillingWebhooksIT");
        }
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

    private static String status(OrganizationId org) throws SQLException {
        return Sql.string(db.ownerDataSource(), "SELECT subscription_status FROM crm.organizations WHERE id = ?", org.value());
    }
}
