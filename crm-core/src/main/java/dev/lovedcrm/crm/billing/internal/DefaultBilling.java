package dev.lovedcrm.crm.billing.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.billing.Billing;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingSettings;
import dev.lovedcrm.crm.billing.Subscription;
import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.billing.spi.BillingRepository;
import dev.lovedcrm.crm.billing.spi.StoredSubscription;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.internal.Entitlements;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.plan.spi.PlanRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Billing} service. Calls to the gateway never run inside a database transaction: a first
 * transaction checks the owner and reads (or creates) what the call needs, the gateway is called, and a second
 * transaction records the outcome, so a failing provider leaves the data as it was.
 */
public final class DefaultBilling implements Billing {

    private static final int URL_MAX = 2048;

    private final TenantWork work;

    public DefaultBilling(TenantWork work) {
        this.work = work;
    }

    @Override
    public Subscription current() {
        return work.run(Action.BILLING_READ, tx -> {
            tx.actor(Action.BILLING_READ);
            return view(tx, repo(tx).findSubscription(tx.organizationId()));
        });
    }

    @Override
    public Subscription changePlan(String planSlug) {
        new Validation().text("planSlug", planSlug, 1, 50).throwIfInvalid();
        String slug = planSlug.trim();
        Optional<BillingGateway> gateway = gateway();
        if (gateway.isEmpty()) {
            return work.run(Action.BILLING_MANAGE, tx -> changeLocally(tx, prepare(tx, slug)));
        }
        Object outcome = work.run(Action.BILLING_MANAGE, tx -> {
            Prepared p = prepare(tx, slug);
            if (p.row().map(StoredSubscription::stripeSubscriptionId).isEmpty()) {
                if (Plan.BASIC.equals(slug)) {
                    return changeLocally(tx, p);
                }
                throw new ConflictException("billing.checkout_required",
                        "the organization has no paid subscription yet; start a checkout for " + slug);
            }
            if (Plan.BASIC.equals(slug) && !p.row().get().planId().equals(p.target().id())) {
                throw new ConflictException("billing.cancel_to_downgrade",
                        "a paid subscription moves to Básico by cancelling at the end of the period");
            }
            return p;
        });
        if (outcome instanceof Subscription done) {
            return done;
        }
        Prepared prepared = (Prepared) outcome;
        StoredSubscription row = prepared.row().orElseThrow();
        if (row.planId().equals(prepared.target().id())) {
            return current();
        }
        gateway.get().changePlan(row.stripeSubscriptionId(), slug, key("plan", row, slug));
        return work.run(Action.BILLING_MANAGE, tx -> {
            tx.lockedMember(Action.BILLING_MANAGE);
            StoredSubscription now = repo(tx).findSubscription(tx.organizationId()).orElse(row);
            Plan from = repo(tx).planById(now.planId()).orElseThrow();
            StoredSubscription changed = now.withPlan(prepared.target().id()).withAttempt(UuidV7.next());
            repo(tx).saveSubscription(changed);
            publishChange(tx, from, prepared.target(), changed);
            return view(tx, Optional.of(changed));
        });
    }

    @Override
    public String startCheckout(String planSlug, String successUrl, String cancelUrl) {
        new Validation().text("planSlug", planSlug, 1, 50)
                .text("successUrl", successUrl, 1, URL_MAX).optionalWebUrl("successUrl", successUrl, URL_MAX)
                .text("cancelUrl", cancelUrl, 1, URL_MAX).optionalWebUrl("cancelUrl", cancelUrl, URL_MAX)
                .throwIfInvalid();
        String slug = planSlug.trim();
        BillingGateway gateway = requireGateway();
        Checkout checkout = work.run(Action.BILLING_MANAGE, tx -> {
            Prepared p = prepare(tx, slug);
            Plan effective = new Entitlements(tx).effectivePlan().orElseThrow();
            if (p.target().priceCents() <= effective.priceCents()) {
                throw new ConflictException("billing.not_an_upgrade", "the " + p.target().name()
                        + " plan costs no more than the current " + effective.name() + " plan");
            }
            // The attempt must be stored before Stripe is called: it is what makes a retry the same request. An
            // organization without a row gets its Básico row here; its status stays as it was until the webhook.
            StoredSubscription row = p.row().orElseGet(() -> {
                StoredSubscription basic = StoredSubscription.local(tx.organizationId(), basicPlan(tx).id(), tx.now(),
                        UuidV7.next());
                repo(tx).saveSubscription(basic);
                return basic;
            });
            return new Checkout(row, repo(tx).organizationName(tx.organizationId()).orElse(tx.organizationId().toString()));
        });
        StoredSubscription row = checkout.row();
        String customer = row.stripeCustomerId();
        if (customer == null) {
            customer = gateway.createCustomer(new BillingGateway.CustomerRequest(row.organizationId(), checkout.name(),
                    "crm-customer-" + row.organizationId()));
            String created = customer;
            customer = work.run(Action.BILLING_MANAGE, tx -> {
                tx.lockedMember(Action.BILLING_MANAGE);
                StoredSubscription now = repo(tx).findSubscription(tx.organizationId()).orElse(row);
                if (now.stripeCustomerId() != null) {
                    return now.stripeCustomerId();
                }
                repo(tx).saveSubscription(now.withCustomer(created));
                return created;
            });
        }
        return gateway.startCheckout(new BillingGateway.CheckoutRequest(row.organizationId(), customer, slug,
                successUrl.trim(), cancelUrl.trim(), key("checkout", row, slug)));
    }

    @Override
    public String openPortal(String returnUrl) {
        new Validation().text("returnUrl", returnUrl, 1, URL_MAX).optionalWebUrl("returnUrl", returnUrl, URL_MAX)
                .throwIfInvalid();
        BillingGateway gateway = requireGateway();
        String customer = work.run(Action.BILLING_MANAGE, tx -> {
            tx.lockedMember(Action.BILLING_MANAGE);
            return repo(tx).findSubscription(tx.organizationId()).map(StoredSubscription::stripeCustomerId)
                    .orElseThrow(() -> new ConflictException("billing.no_customer",
                            "the organization has no customer at the payment provider yet; start a checkout first"));
        });
        return gateway.openPortal(customer, returnUrl.trim());
    }

    @Override
    public Subscription cancelAtPeriodEnd() {
        return setCancel(true);
    }

    @Override
    public Subscription undoCancellation() {
        return setCancel(false);
    }

    private Subscription setCancel(boolean cancel) {
        BillingGateway gateway = requireGateway();
        StoredSubscription row = work.run(Action.BILLING_MANAGE, tx -> {
            tx.lockedMember(Action.BILLING_MANAGE);
            return repo(tx).findSubscription(tx.organizationId()).filter(s -> s.stripeSubscriptionId() != null)
                    .orElseThrow(() -> new ConflictException("billing.no_provider_subscription",
                            "the organization has no subscription at the payment provider"));
        });
        if (row.cancelAtPeriodEnd() == cancel) {
            return current();
        }
        gateway.setCancelAtPeriodEnd(row.stripeSubscriptionId(), cancel, key(cancel ? "cancel" : "resume", row,
                row.stripeSubscriptionId()));
        return work.run(Action.BILLING_MANAGE, tx -> {
            tx.lockedMember(Action.BILLING_MANAGE);
            StoredSubscription now = repo(tx).findSubscription(tx.organizationId()).orElse(row);
            StoredSubscription changed = now.withCancelAtPeriodEnd(cancel).withAttempt(UuidV7.next());
            repo(tx).saveSubscription(changed);
            tx.publish(EventType.SUBSCRIPTION_UPDATED, subscriptionData(tx, changed));
            return view(tx, Optional.of(changed));
        });
    }

    private Subscription changeLocally(TenantTransaction tx, Prepared p) {
        String slug = p.target().slug();
        Optional<StoredSubscription> row = p.row();
        if (row.isPresent() && row.get().planId().equals(p.target().id()) && row.get().isActive()) {
            return view(tx, row);
        }
        if (row.isEmpty() && Plan.BASIC.equals(slug)) {
            return view(tx, row);
        }
        Plan from = new Entitlements(tx).effectivePlan().orElse(p.target());
        StoredSubscription changed = row
                .map(r -> r.withPlan(p.target().id()).withStatus(SubscriptionStatus.ACTIVE)
                        .withPeriod(tx.now(), null).withCancelAtPeriodEnd(false))
                .orElseGet(() -> StoredSubscription.local(tx.organizationId(), p.target().id(), tx.now(), UuidV7.next()));
        repo(tx).saveSubscription(changed);
        repo(tx).mirrorStatus(tx.organizationId(), changed.status(), null);
        publishChange(tx, from, p.target(), changed);
        return view(tx, Optional.of(changed));
    }

    /** Checks the owner (row lock), resolves the plan and locks the organization, in that order. */
    private Prepared prepare(TenantTransaction tx, String slug) {
        tx.lockedMember(Action.BILLING_MANAGE);
        Plan target = tx.repository(PlanRepository.class).activeBySlug(slug)
                .orElseThrow(() -> ValidationException.of("planSlug", "no active plan has the slug " + slug));
        repo(tx).lockOrganization(tx.organizationId());
        return new Prepared(target, repo(tx).findSubscription(tx.organizationId()));
    }

    private void publishChange(TenantTransaction tx, Plan from, Plan to, StoredSubscription changed) {
        if (!from.id().equals(to.id())) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fromPlan", from.slug());
            data.put("toPlan", to.slug());
            tx.publish(EventType.PLAN_CHANGED, data);
        }
        tx.publish(EventType.SUBSCRIPTION_UPDATED, subscriptionData(tx, changed));
    }

    private Map<String, Object> subscriptionData(TenantTransaction tx, StoredSubscription row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plan", repo(tx).planById(row.planId()).map(Plan::slug).orElse(row.planId().toString()));
        data.put("status", row.status().dbValue());
        data.put("active", row.isActive());
        data.put("cancelAtPeriodEnd", row.cancelAtPeriodEnd());
        return data;
    }

    private Subscription view(TenantTransaction tx, Optional<StoredSubscription> stored) {
        if (stored.isEmpty()) {
            Plan basic = basicPlan(tx);
            return new Subscription(basic, basic, SubscriptionStatus.ACTIVE, true, false, null, null, null, null, false,
                    null, null);
        }
        StoredSubscription row = stored.get();
        Plan plan = repo(tx).planById(row.planId()).orElseThrow();
        Plan effective = row.isActive() ? plan : basicPlan(tx);
        return new Subscription(plan, effective, row.status(), row.isActive(), true, row.trialStart(), row.trialEnd(),
                row.currentPeriodStart(), row.currentPeriodEnd(), row.cancelAtPeriodEnd(), row.stripeCustomerId(),
                row.stripeSubscriptionId());
    }

    private static Plan basicPlan(TenantTransaction tx) {
        return tx.repository(BillingRepository.class).planBySlug(Plan.BASIC)
                .orElseThrow(() -> new IllegalStateException("the Básico plan is missing: run the migrations"));
    }

    /** The deterministic idempotency key of a provider call: organization, what, and the stored attempt id. */
    static String key(String what, StoredSubscription row, String subject) {
        return "crm-" + what + "-" + row.organizationId() + "-" + subject + "-" + row.attemptId();
    }

    private Optional<BillingGateway> gateway() {
        return work.runtime().settings(BillingSettings.class).optionalGateway();
    }

    private BillingGateway requireGateway() {
        return gateway().orElseThrow(() -> new ConflictException("billing.no_gateway",
                "no billing gateway is configured: billing is local-only (use changePlan)"));
    }

    private static BillingRepository repo(TenantTransaction tx) {
        return tx.repository(BillingRepository.class);
    }

    private record Prepared(Plan target, Optional<StoredSubscription> row) {
    }

    private record Checkout(StoredSubscription row, String name) {
    }
}
