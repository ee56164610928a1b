package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.billing.Feature;
import dev.lovedcrm.crm.billing.spi.BillingRepository;
import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.plan.spi.PlanRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one entitlement check every service uses (kernel: feature internals may not call each other), read from the features of the organization's effective plan
 * (its subscription's plan while the subscription is active, else Básico): a lead quota is the feature
 * {@code up_to_<n>_leads}; {@code unlimited_leads}, or no quota feature at all, means no limit; {@link Feature}s
 * gate API keys, integrations and advanced reports. A refusal names the cheapest active plan that allows the
 * action.
 *
 * <p>Quota checks are correct under concurrency: the check locks the organization's row (a no-key update lock,
 * which foreign-key checks of other writes do not wait for) before counting, so concurrent creations of one
 * organization are serialised from the count to the commit.
 */
public final class Entitlements {

    /** The code of a refused lead creation. */
    public static final String LEAD_LIMIT_CODE = "plan.lead_limit_reached";

    /** The code of an action whose feature the plan lacks. */
    public static final String FEATURE_REQUIRED_CODE = "plan.feature_required";

    private static final String UNLIMITED_LEADS = "unlimited_leads";
    private static final Pattern LEAD_QUOTA = Pattern.compile("up_to_(\\d{1,9})_leads");

    private final TenantTransaction tx;

    /**
     * The entitlements of the transaction's organization.
     *
     * @param tx the open tenant transaction
     */
    public Entitlements(TenantTransaction tx) {
        this.tx = tx;
    }

    /**
     * The lead quota a plan's features grant.
     *
     * @param features the plan's feature codes
     * @return the most leads allowed, empty for no limit
     */
    public static OptionalLong leadLimit(List<String> features) {
        if (features.contains(UNLIMITED_LEADS)) {
            return OptionalLong.empty();
        }
        OptionalLong limit = OptionalLong.empty();
        for (String feature : features) {
            Matcher quota = LEAD_QUOTA.matcher(feature);
            if (quota.matches()) {
                long value = Long.parseLong(quota.group(1));
                limit = OptionalLong.of(limit.isPresent() ? Math.max(limit.getAsLong(), value) : value);
            }
        }
        return limit;
    }

    /**
     * The plan the organization is entitled to now.
     *
     * @return the plan, empty only when not even Básico exists
     */
    public Optional<Plan> effectivePlan() {
        return tx.repository(BillingRepository.class).effectivePlan(tx.organizationId());
    }

    /**
     * Refuses to let the organization grow past its plan's lead quota. Call it in the transaction that creates
     * the leads, before creating them: it holds the organization's lock until that transaction ends. An
     * organization already over the quota (a downgrade) may create none until it is under it again.
     *
     * @param adding how many leads are about to be created
     * @throws PlanLimitExceededException with code {@value #LEAD_LIMIT_CODE}, naming the cheapest plan that allows more
     */
    public void requireRoomForLeads(int adding) {
        BillingRepository billing = tx.repository(BillingRepository.class);
        Optional<Plan> plan = billing.effectivePlan(tx.organizationId());
        if (plan.isEmpty()) {
            return;
        }
        OptionalLong limit = leadLimit(plan.get().features());
        if (limit.isEmpty()) {
            return;
        }
        billing.lockOrganization(tx.organizationId());
        long count = billing.countLeads(tx.organizationId());
        if (count + adding <= limit.getAsLong()) {
            return;
        }
        long quota = limit.getAsLong();
        String upgrade = cheapest(p -> leadLimit(p.features()).orElse(Long.MAX_VALUE) > quota)
                .map(p -> "; the " + p.name() + " plan (" + p.slug() + ") allows more")
                .orElse("");
        throw new PlanLimitExceededException(LEAD_LIMIT_CODE, "the " + plan.get().name() + " plan allows "
                + quota + " leads and the organization has " + count + upgrade);
    }

    /**
     * Refuses an action whose feature the organization's plan lacks.
     *
     * @param feature the feature the action needs
     * @throws PlanLimitExceededException with code {@value #FEATURE_REQUIRED_CODE}, naming the cheapest plan with it
     */
    public void requireFeature(Feature feature) {
        Optional<Plan> plan = effectivePlan();
        if (plan.isPresent() && plan.get().grants(feature.code())) {
            return;
        }
        String upgrade = cheapest(p -> p.grants(feature.code()))
                .map(p -> "; the " + p.name() + " plan (" + p.slug() + ") includes it")
                .orElse("");
        throw new PlanLimitExceededException(FEATURE_REQUIRED_CODE, "the "
                + plan.map(Plan::name).orElse("current") + " plan does not include " + feature.code() + upgrade);
    }

    private Optional<Plan> cheapest(Predicate<Plan> allows) {
        return tx.repository(PlanRepository.class).activePlans().stream()
                .filter(allows)
                .min(Comparator.comparingInt(Plan::priceCents));
    }
}
