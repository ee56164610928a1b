package dev.lovedcrm.crm.billing.internal;

import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingGateway.ProviderSubscription;
import dev.lovedcrm.crm.billing.BillingGateway.WebhookEvent;
import dev.lovedcrm.crm.billing.BillingSettings;
import dev.lovedcrm.crm.billing.BillingWebhooks;
import dev.lovedcrm.crm.billing.spi.BillingRepository;
import dev.lovedcrm.crm.billing.spi.StoredSubscription;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.PlanId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link BillingWebhooks} service: verification and the provider call first, then one system transaction. */
public final class DefaultBillingWebhooks implements BillingWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultBillingWebhooks.class);
    private static final int PAYLOAD_MAX = 1 << 20;

    private final CrmRuntime runtime;

    public DefaultBillingWebhooks(CrmRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public WebhookOutcome handle(String payload, String signatureHeader) {
        new Validation()
                .check(payload != null && !payload.isBlank() && payload.length() <= PAYLOAD_MAX, "payload",
                        "is required, at most " + PAYLOAD_MAX + " characters")
                .check(signatureHeader != null && !signatureHeader.isBlank() && signatureHeader.length() <= 8192,
                        "signatureHeader", "is required")
                .throwIfInvalid();
        BillingGateway gateway = runtime.settings(BillingSettings.class).optionalGateway()
                .orElseThrow(() -> new ConflictException("billing.no_gateway", "no billing gateway is configured"));
        WebhookEvent event = gateway.verifyWebhook(payload, signatureHeader);
        return runtime.store().inSystem("billing webhook: the event names a provider customer, not a tenant",
                tx -> apply(tx, event));
    }

    private WebhookOutcome apply(StoreTransaction tx, WebhookEvent event) {
        BillingRepository billing = tx.repository(BillingRepository.class);
        if (!billing.recordWebhookEvent(event.id(), event.type())) {
            return WebhookOutcome.DUPLICATE;
        }
        ProviderSubscription provider = event.subscription();
        if (provider == null) {
            return WebhookOutcome.IGNORED;
        }
        Optional<OrganizationId> found = Optional.ofNullable(provider.organizationId())
                .filter(org -> billing.organizationName(org).isPresent())
                .or(() -> billing.organizationByProvider(provider.customerId(), provider.subscriptionId()));
        if (found.isEmpty()) {
            LOG.warn("billing webhook {} ({}) names customer {} and subscription {}, which no organization holds;"
                    + " acknowledged", event.id(), event.type(), provider.customerId(), provider.subscriptionId());
            return WebhookOutcome.UNKNOWN_CUSTOMER;
        }
        OrganizationId organization = found.get();
        billing.lockOrganization(organization);
        Optional<StoredSubscription> row = billing.findSubscription(organization);
        Plan basic = billing.planBySlug(Plan.BASIC).orElseThrow();
        PlanId plan = Optional.ofNullable(provider.planSlug()).flatMap(billing::planBySlug).map(Plan::id)
                .or(() -> row.map(StoredSubscription::planId)).orElse(basic.id());
        StoredSubscription next = new StoredSubscription(organization, row.map(StoredSubscription::id).orElseGet(UuidV7::next),
                plan, provider.subscriptionId(), provider.customerId(), provider.status(), provider.status().entitles(),
                provider.currentPeriodStart(), provider.currentPeriodEnd(),
                provider.status() == dev.lovedcrm.crm.billing.SubscriptionStatus.TRIALING, provider.trialStart(),
                provider.trialEnd(), provider.cancelAtPeriodEnd(),
                row.map(StoredSubscription::attemptId).orElseGet(UuidV7::next));
        if (row.isPresent() && row.get().equals(next)) {
            return WebhookOutcome.APPLIED;
        }
        billing.saveSubscription(next);
        billing.mirrorStatus(organization, next.status(), next.trialEnd());
        PlanId before = row.filter(StoredSubscription::isActive).map(StoredSubscription::planId).orElse(basic.id());
        PlanId after = next.isActive() ? next.planId() : basic.id();
        if (!before.equals(after)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fromPlan", billing.planById(before).map(Plan::slug).orElse(before.toString()));
            data.put("toPlan", billing.planById(after).map(Plan::slug).orElse(after.toString()));
            runtime.events().publish(tx, EventType.PLAN_CHANGED, organization, null, data);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plan", billing.planById(next.planId()).map(Plan::slug).orElse(next.planId().toString()));
        data.put("status", next.status().dbValue());
        data.put("active", next.isActive());
        data.put("cancelAtPeriodEnd", next.cancelAtPeriodEnd());
        data.put("providerEvent", event.id());
        runtime.events().publish(tx, EventType.SUBSCRIPTION_UPDATED, organization, null, data);
        return WebhookOutcome.APPLIED;
    }
}
