package dev.lovedcrm.crm.plan;

import java.util.List;
import java.util.Optional;

/**
 * The plans on offer. From {@code crm.plans()}; no tenant and no permission needed (plans are public
 * reference data, shown on pricing pages before anyone signs in).
 */
public interface Plans {

    /**
     * The active plans, cheapest first (ties by slug).
     *
     * @return the plans with price and features
     */
    List<Plan> list();

    /**
     * One active plan by slug.
     *
     * @param slug e.g. {@code professional}
     * @return the plan, empty when no active plan has that slug
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code slug} when it is null or blank
     */
    Optional<Plan> find(String slug);
}
