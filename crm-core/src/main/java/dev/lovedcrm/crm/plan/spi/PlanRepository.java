package dev.lovedcrm.crm.plan.spi;

import dev.lovedcrm.crm.plan.Plan;
import java.util.List;
import java.util.Optional;

/** The plans table: global reference data, not tenant-owned. */
public interface PlanRepository {

    /**
     * The active plans, cheapest first, ties by slug.
     *
     * @return the plans
     */
    List<Plan> activePlans();

    /**
     * An active plan by slug.
     *
     * @param slug the slug
     * @return the plan
     */
    Optional<Plan> activeBySlug(String slug);
}
