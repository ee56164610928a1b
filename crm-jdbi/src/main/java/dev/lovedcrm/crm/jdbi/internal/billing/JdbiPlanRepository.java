package dev.lovedcrm.crm.jdbi.internal.billing;

import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.plan.Plan;
import dev.lovedcrm.crm.plan.spi.PlanRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** {@link PlanRepository} over {@code crm.plans}. */
public interface JdbiPlanRepository extends PlanRepository {

    /** The columns of {@link Plan}. */
    String COLUMNS = "id, name, slug, price_cents, currency, features";

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.plans WHERE is_active ORDER BY price_cents, slug")
    @CrossTenant("plans are global reference data, not tenant-owned")
    List<Plan> activePlans();

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.plans WHERE is_active AND slug = :slug")
    @CrossTenant("plans are global reference data, not tenant-owned")
    Optional<Plan> activeBySlug(String slug);
}
