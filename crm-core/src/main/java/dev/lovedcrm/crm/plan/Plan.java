package dev.lovedcrm.crm.plan;

import dev.lovedcrm.crm.id.PlanId;
import java.util.List;

/**
 * A plan on offer.
 *
 * @param id the plan's id
 * @param name its display name, e.g. {@code Básico}
 * @param slug its stable slug, e.g. {@code basic}; billing gateways map it to their prices
 * @param priceCents the monthly price in cents of {@code currency}
 * @param currency ISO 4217 code, {@code BRL} for the default plans
 * @param features the feature codes the plan grants, e.g. {@code up_to_100_leads}, {@code api_access}
 */
public record Plan(PlanId id, String name, String slug, int priceCents, String currency, List<String> features) {

    /** The slug of the plan every organization without an active subscription is on. */
    public static final String BASIC = "basic";

    /**
     * Copies the features.
     *
     * @param id id
     * @param name name
     * @param slug slug
     * @param priceCents price
     * @param currency currency
     * @param features features
     */
    public Plan {
        features = features == null ? List.of() : List.copyOf(features);
    }

    /**
     * Whether the plan grants a feature code.
     *
     * @param feature e.g. {@code api_access}
     * @return true if its features contain it
     */
    public boolean grants(String feature) {
        return features.contains(feature);
    }
}
