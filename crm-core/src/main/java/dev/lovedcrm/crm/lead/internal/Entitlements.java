package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.lead.spi.EntitlementRepository;
import dev.lovedcrm.crm.lead.spi.PlanTerms;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that says what an organization's plan allows, read from the plan's {@code features}: a lead
 * quota is the feature {@code up_to_<n>_leads}; {@code unlimited_leads}, or no quota feature at all, means no
 * limit. An organization without an active subscription is on the plan with slug {@code basic} (Básico). The
 * billing work extends this class with its other features.
 *
 * <p>Quota checks are correct under concurrency: the check locks the organization's row (a no-key update lock,
 * which foreign-key checks of other writes do not wait for) before counting, so concurrent creations of one
 * organization are serialised from the count to the commit.
 */
public final class Entitlements {

    /** The code of a refused lead creation. */
    public static final String LEAD_LIMIT_CODE = "plan.lead_limit_reached";

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
     * Refuses to let the organization grow past its plan's lead quota. Call it in the transaction that creates
     * the leads, before creating them: it holds the organization's lock until that transaction ends.
     *
     * @param adding how many leads are about to be created
     * @throws PlanLimitExceededException with code {@value #LEAD_LIMIT_CODE}, naming the cheapest plan that allows more
     */
    public void requireRoomForLeads(int adding) {
        EntitlementRepository plans = tx.repository(EntitlementRepository.class);
        Optional<PlanTerms> plan = plans.currentPlan(tx.organizationId());
        if (plan.isEmpty()) {
            return;
        }
        OptionalLong limit = leadLimit(plan.get().features());
        if (limit.isEmpty()) {
            return;
        }
        plans.lockOrganization(tx.organizationId());
        long count = plans.countLeads(tx.organizationId());
        if (count + adding <= limit.getAsLong()) {
            return;
        }
        long quota = limit.getAsLong();
        String upgrade = plans.activePlans().stream()
                .filter(p -> leadLimit(p.features()).orElse(Long.MAX_VALUE) > quota)
                .min(Comparator.comparingInt(PlanTerms::priceCents))
                .map(p -> "; the " + p.name() + " plan (" + p.slug() + ") allows more")
                .orElse("");
        throw new PlanLimitExceededException(LEAD_LIMIT_CODE, "the " + plan.get().name() + " plan allows "
                + quota + " leads and the organization has " + count + upgrade);
    }
}
