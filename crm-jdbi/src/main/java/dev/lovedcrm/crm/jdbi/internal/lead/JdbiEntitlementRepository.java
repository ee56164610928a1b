package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.lead.spi.EntitlementRepository;
import dev.lovedcrm.crm.lead.spi.PlanTerms;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** {@link EntitlementRepository} over {@code crm.plans}, {@code crm.organization_subscriptions} and {@code crm.leads}. */
public interface JdbiEntitlementRepository extends EntitlementRepository {

    @Override
    @SqlQuery("""
            SELECT p.name, p.slug, p.price_cents, p.features
              FROM crm.plans p
              LEFT JOIN crm.organization_subscriptions s
                ON s.plan_id = p.id AND s.organization_id = :organizationId AND s.is_active
             WHERE s.id IS NOT NULL OR p.slug = 'basic'
             ORDER BY s.id IS NULL
             LIMIT 1""")
    Optional<PlanTerms> currentPlan(OrganizationId organizationId);

    @Override
    @SqlQuery("SELECT name, slug, price_cents, features FROM crm.plans WHERE is_active ORDER BY price_cents, slug")
    @CrossTenant("plans are global reference data, not tenant-owned")
    List<PlanTerms> activePlans();

    /**
     * Locks the organization's row with {@code FOR NO KEY UPDATE}: it serialises quota checks of one
     * organization, while inserts elsewhere (whose foreign-key checks take {@code FOR KEY SHARE}) go on.
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
}
