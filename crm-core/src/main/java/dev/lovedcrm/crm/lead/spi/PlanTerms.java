package dev.lovedcrm.crm.lead.spi;

import java.util.List;

/**
 * What a plan grants, as the entitlement check reads it.
 *
 * @param name the plan's name, e.g. {@code Básico}
 * @param slug the plan's slug, e.g. {@code basic}
 * @param priceCents the monthly price in cents
 * @param features the plan's feature codes, e.g. {@code up_to_100_leads}
 */
public record PlanTerms(String name, String slug, int priceCents, List<String> features) {

    /**
     * Copies the features.
     *
     * @param name name
     * @param slug slug
     * @param priceCents price
     * @param features features
     */
    public PlanTerms {
        features = features == null ? List.of() : List.copyOf(features);
    }
}
