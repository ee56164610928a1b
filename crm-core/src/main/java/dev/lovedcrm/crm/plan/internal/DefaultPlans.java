package dev.lovedcrm.crm.plan.internal;

import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.plan.Plans;
import dev.lovedcrm.crm.plan.spi.PlanRepository;
import java.util.List;
import java.util.Optional;

/** The {@link Plans} service. */
public final class DefaultPlans implements Plans {

    private final CrmRuntime runtime;

    public DefaultPlans(CrmRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<Plan> list() {
        return runtime.store().inSystem("list plans: global reference data",
                tx -> tx.repository(PlanRepository.class).activePlans());
    }

    @Override
    public Optional<Plan> find(String slug) {
        new Validation().text("slug", slug, 1, 50).throwIfInvalid();
        return runtime.store().inSystem("find a plan: global reference data",
                tx -> tx.repository(PlanRepository.class).activeBySlug(slug.trim()));
    }
}
