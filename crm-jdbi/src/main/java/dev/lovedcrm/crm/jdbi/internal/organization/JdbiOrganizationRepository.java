package dev.lovedcrm.crm.jdbi.internal.organization;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.CrossTenant;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link OrganizationRepository} over {@code crm.organizations}. */
public interface JdbiOrganizationRepository extends OrganizationRepository {

    /** The columns every read selects, in {@link Row} order. */
    String COLUMNS = """
            id, name, slug, description, website, logo_url, industry, company_size, owner_id,
            is_active, is_verified, subscription_status, trial_ends_at, settings, created_at, updated_at""";

    /** {@link #COLUMNS} of the alias {@code o}, named {@code o_<column>} for a nested mapper. */
    String PREFIXED_COLUMNS = """
            o.id AS o_id, o.name AS o_name, o.slug AS o_slug, o.description AS o_description, o.website AS o_website,
            o.logo_url AS o_logo_url, o.industry AS o_industry, o.company_size AS o_company_size,
            o.owner_id AS o_owner_id, o.is_active AS o_is_active, o.is_verified AS o_is_verified,
            o.subscription_status AS o_subscription_status, o.trial_ends_at AS o_trial_ends_at,
            o.settings AS o_settings, o.created_at AS o_created_at, o.updated_at AS o_updated_at""";

    @Override
    default void insert(Organization o) {
        insertRow(o.id(), o.name(), o.slug(), o.description(), o.website(), o.logoUrl(), o.industry(),
                o.companySize(), o.ownerId(), o.active(), o.verified(), o.subscriptionStatus(),
                Times.offset(o.trialEndsAt()),
                JsonCodec.write(o.settings()));
    }

    @SqlUpdate("""
            INSERT INTO crm.organizations (id, name, slug, description, website, logo_url, industry, company_size,
                                           owner_id, is_active, is_verified, subscription_status, trial_ends_at, settings)
            VALUES (:id, :name, :slug, :description, :website, :logoUrl, :industry, :companySize,
                    :ownerId, :active, :verified, :subscriptionStatus, :trialEndsAt, :settings)""")
    void insertRow(@Bind("id") OrganizationId id, @Bind("name") String name, @Bind("slug") String slug,
            @Bind("description") String description, @Bind("website") String website, @Bind("logoUrl") String logoUrl,
            @Bind("industry") String industry, @Bind("companySize") String companySize, @Bind("ownerId") UserId ownerId,
            @Bind("active") boolean active, @Bind("verified") boolean verified,
            @Bind("subscriptionStatus") String subscriptionStatus, @Bind("trialEndsAt") OffsetDateTime trialEndsAt,
            @Bind("settings") Jsonb settings);

    @Override
    default Optional<Organization> findById(OrganizationId id) {
        return findRow(id).map(Row::toOrganization);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organizations WHERE id = :id")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRow(@Bind("id") OrganizationId id);

    @Override
    default Optional<Organization> findBySlug(String slug) {
        return findRowBySlug(slug).map(Row::toOrganization);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.organizations WHERE slug = :slug")
    @RegisterConstructorMapper(Row.class)
    @CrossTenant("slugs are unique across tenants; used to pick a free slug and for public look-up")
    Optional<Row> findRowBySlug(@Bind("slug") String slug);

    @Override
    default List<OrganizationMembership> listForUser(UserId userId, Optional<OrganizationId> after, int limit) {
        return listRowsForUser(userId, after.orElse(null), limit).stream()
                .map(r -> new OrganizationMembership(r.organization().toOrganization(), r.role(), Times.instant(r.joinedAt())))
                .toList();
    }

    @SqlQuery("SELECT " + PREFIXED_COLUMNS + ", m.role AS m_role, m.joined_at AS m_joined_at"
            + " FROM crm.organizations o JOIN crm.organization_members m ON m.organization_id = o.id"
            + " WHERE m.user_id = :userId AND m.is_active AND o.is_active AND (CAST(:after AS uuid) IS NULL OR o.id > :after)"
            + " ORDER BY o.id LIMIT :limit")
    @RegisterConstructorMapper(MembershipRow.class)
    @CrossTenant("a user's own list of organizations spans tenants by definition")
    List<MembershipRow> listRowsForUser(@Bind("userId") UserId userId, @Bind("after") OrganizationId after,
            @Bind("limit") int limit);

    @Override
    default void update(Organization o) {
        updateRow(o.id(), o.name(), o.description(), o.website(), o.logoUrl(), o.industry(), o.companySize(),
                o.ownerId(), o.active(), JsonCodec.write(o.settings()));
    }

    @SqlUpdate("""
            UPDATE crm.organizations
               SET name = :name, description = :description, website = :website, logo_url = :logoUrl,
                   industry = :industry, company_size = :companySize, owner_id = :ownerId, is_active = :active,
                   settings = :settings, updated_at = now()
             WHERE id = :id""")
    void updateRow(@Bind("id") OrganizationId id, @Bind("name") String name, @Bind("description") String description,
            @Bind("website") String website, @Bind("logoUrl") String logoUrl, @Bind("industry") String industry,
            @Bind("companySize") String companySize, @Bind("ownerId") UserId ownerId, @Bind("active") boolean active,
            @Bind("settings") Jsonb settings);

    /** A membership row of {@link #listRowsForUser}: the organization plus the member's role. */
    record MembershipRow(@Nested("o") Row organization, @ColumnName("m_role") Role role,
            @ColumnName("m_joined_at") OffsetDateTime joinedAt) {
    }

    /** One row of {@code crm.organizations}, mapped by constructor. */
    record Row(OrganizationId id, String name, String slug, String description, String website, String logoUrl,
            String industry, String companySize, UserId ownerId, boolean isActive, boolean isVerified,
            String subscriptionStatus, OffsetDateTime trialEndsAt, Jsonb settings, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public Organization toOrganization() {
            return new Organization(id, name, slug, description, website, logoUrl, industry, companySize, ownerId,
                    isActive, isVerified, subscriptionStatus, Times.instant(trialEndsAt), JsonCodec.readObject(settings),
                    Times.instant(createdAt), Times.instant(updatedAt));
        }
    }
}
