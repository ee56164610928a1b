package dev.lovedcrm.crm.jdbi.internal.organization;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link OrganizationRepository} over {@code crm.organizations}. */
public interface JdbiOrganizationRepository extends OrganizationRepository {

    /** The columns of {@link Organization}, named as its components. */
    String COLUMNS = """
            id, name, slug, description, website, logo_url, industry, company_size, owner_id, is_active AS active,
            is_verified AS verified, subscription_status, trial_ends_at, settings, created_at, updated_at""";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.organizations (id, name, slug, description, website, logo_url, industry, company_size,
                                           owner_id, is_active, is_verified, subscription_status, trial_ends_at, settings)
            VALUES (:id, :name, :slug, :description, :website, :logoUrl, :industry, :companySize,
                    :ownerId, :active, :verified, :subscriptionStatus, :trialEndsAt, :settings)
            ON CONFLICT (slug) DO NOTHING""")
    boolean insertIfSlugFree(@BindMethods Organization organization);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organizations WHERE id = :id")
    Optional<Organization> findById(OrganizationId id);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organizations WHERE slug = :slug")
    @CrossTenant("slugs are unique across tenants; used to pick a free slug and for public look-up")
    Optional<Organization> findBySlug(String slug);

    @Override
    @SqlQuery("""
            SELECT o.id, o.name, o.slug, o.description, o.website, o.logo_url, o.industry, o.company_size, o.owner_id,
                   o.is_active AS active, o.is_verified AS verified, o.subscription_status, o.trial_ends_at, o.settings,
                   o.created_at, o.updated_at, m.role, m.joined_at
              FROM crm.organizations o JOIN crm.organization_members m ON m.organization_id = o.id
             WHERE m.user_id = :userId AND m.is_active AND o.is_active AND (CAST(:after AS uuid) IS NULL OR o.id > :after)
             ORDER BY o.id LIMIT :limit""")
    @CrossTenant("a user's own list of organizations spans tenants by definition")
    List<OrganizationMembership> listForUser(UserId userId, Optional<OrganizationId> after, int limit);

    @Override
    @SqlUpdate("""
            UPDATE crm.organizations
               SET name = :name, description = :description, website = :website, logo_url = :logoUrl,
                   industry = :industry, company_size = :companySize, owner_id = :ownerId, is_active = :active,
                   settings = :settings, updated_at = now()
             WHERE id = :id""")
    void update(@BindMethods Organization organization);
}
