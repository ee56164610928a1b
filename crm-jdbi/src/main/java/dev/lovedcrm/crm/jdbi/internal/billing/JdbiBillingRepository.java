package dev.lovedcrm.crm.jdbi.internal.billing;

import dev.lovedcrm.crm.billing.SubscriptionStatus;
import dev.lovedcrm.crm.billing.spi.BillingRepository;
import dev.lovedcrm.crm.billing.spi.StoredSubscription;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.PlanId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.plan.Plan;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link BillingRepository} over {@code crm.organization_subscriptions}, {@code crm.plans}, {@code crm.organizations}
 * and {@code crm.leads}.
 */
public interface JdbiBillingRepository extends BillingRepository {

    /** The columns of {@link StoredSubscription}. */
    String SUBSCRIPTION = """
            organization_id, id, plan_id, stripe_subscription_id, stripe_customer_id, status, is_active,
            current_period_start, current_period_end, is_trial, trial_start, trial_end, cancel_at_period_end,
            attempt_id""";

    @Override
    @SqlQuery("""
            SELECT p.id, p.name, p.slug, p.price_cents, p.currency, p.features
              FROM crm.plans p
              LEFT JOIN crm.organization_subscriptions s
                ON s.plan_id = p.id AND s.organization_id = :organizationId AND s.is_active
             WHERE s.id IS NOT NULL OR p.slug = 'basic'
             ORDER BY s.id IS NULL
             LIMIT 1""")
    Optional<Plan> effectivePlan(OrganizationId organizationId);

    @Override
    @SqlQuery("SELECT " + JdbiPlanRepository.COLUMNS + " FROM crm.plans WHERE id = :planId")
    @CrossTenant("plans are global reference data, not tenant-owned")
    Optional<Plan> planById(PlanId planId);

    @Override
    @SqlQuery("SELECT " + JdbiPlanRepository.COLUMNS + " FROM crm.plans WHERE slug = :slug")
    @CrossTenant("plans are global reference data, not tenant-owned")
    Optional<Plan> planBySlug(String slug);

    @Override
    @SqlQuery("SELECT " + SUBSCRIPTION + " FROM crm.organization_subscriptions WHERE organization_id = :organizationId")
    Optional<StoredSubscription> findSubscription(OrganizationId organizationId);

    @Override
    @SqlUpdate("""
            INSERT INTO crm.organization_subscriptions (organization_id, id, plan_id, stripe_subscription_id,
                   stripe_customer_id, status, is_active, current_period_start, current_period_end, is_trial,
                   trial_start, trial_end, cancel_at_period_end, attempt_id)
            VALUES (:organizationId, :id, :planId, :stripeSubscriptionId, :stripeCustomerId, :status, :isActive,
                   :currentPeriodStart, :currentPeriodEnd, :isTrial, :trialStart, :trialEnd, :cancelAtPeriodEnd,
                   :attemptId)
            ON CONFLICT (organization_id) DO UPDATE SET plan_id = EXCLUDED.plan_id,
                   stripe_subscription_id = EXCLUDED.stripe_subscription_id,
                   stripe_customer_id = EXCLUDED.stripe_customer_id, status = EXCLUDED.status,
                   is_active = EXCLUDED.is_active, current_period_start = EXCLUDED.current_period_start,
                   current_period_end = EXCLUDED.current_period_end, is_trial = EXCLUDED.is_trial,
                   trial_start = EXCLUDED.trial_start, trial_end = EXCLUDED.trial_end,
                   cancel_at_period_end = EXCLUDED.cancel_at_period_end, attempt_id = EXCLUDED.attempt_id,
                   updated_at = now()
             WHERE crm.organization_subscriptions.organization_id = :organizationId""")
    void saveSubscription(@BindMethods StoredSubscription subscription);

    @Override
    @SqlUpdate("""
            UPDATE crm.organizations SET subscription_status = :status,
                   trial_ends_at = COALESCE(:trialEnd, trial_ends_at), updated_at = now()
             WHERE id = :organizationId""")
    void mirrorStatus(OrganizationId organizationId, SubscriptionStatus status, Instant trialEnd);

    @Override
    @SqlQuery("SELECT name FROM crm.organizations WHERE id = :organizationId")
    Optional<String> organizationName(OrganizationId organizationId);

    /**
     * Locks the organization's row with {@code FOR NO KEY UPDATE}: it serialises quota checks and billing
     * changes of one organization, while inserts elsewhere (whose foreign-key checks take {@code FOR KEY SHARE})
     * go on.
     */
    @Override
    default void lockOrganization(OrganizationId organizationId) {
        lockOrganizationRow(organizationId);
    }

    /**
     * The statement of {@link #lockOrganization}.
     *
     * @param organizationId the tenant
     * @return the organization's id when its row exists
     */
    @SqlQuery("SELECT id FROM crm.organizations WHERE id = :organizationId FOR NO KEY UPDATE")
    Optional<OrganizationId> lockOrganizationRow(OrganizationId organizationId);

    @Override
    @SqlQuery("SELECT count(*) FROM crm.leads WHERE organization_id = :organizationId AND deleted_at IS NULL")
    long countLeads(OrganizationId organizationId);

    @Override
    @SqlUpdate("""
            INSERT INTO crm.billing_webhook_events (event_id, event_type) VALUES (:eventId, :eventType)
            ON CONFLICT (event_id) DO NOTHING""")
    @CrossTenant("processed webhook events are global: an event names a provider customer, not a tenant")
    boolean recordWebhookEvent(String eventId, String eventType);

    @Override
    @SqlQuery("""
            SELECT organization_id FROM crm.organization_subscriptions
             WHERE stripe_customer_id = :customerId OR stripe_subscription_id = :subscriptionId
             ORDER BY stripe_subscription_id = :subscriptionId DESC NULLS LAST
             LIMIT 1""")
    @CrossTenant("a webhook names the provider's customer or subscription; the organization is found from it")
    Optional<OrganizationId> organizationByProvider(String customerId, String subscriptionId);
}
