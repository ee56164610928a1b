package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import dev.lovedcrm.crm.lead.spi.StageTotal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link LeadRepository} over {@code crm.leads}. Rows marked deleted ({@code deleted_at}) are invisible to every
 * statement. Lists are keyset-paged: the first page passes no position, which reads as the end of time, so one
 * statement (and one index range scan) serves every page.
 */
public interface JdbiLeadRepository extends LeadRepository {

    /** The columns of {@link Lead}, named as its components. */
    String COLUMNS = """
            id, organization_id, name, email, phone, company, position, stage, source, priority, estimated_value,
            actual_value, is_closed AS closed, is_won AS won, is_favorite AS favorite, assigned_user_id, last_contact_at,
            last_contact_channel, notes, tags, lead_metadata AS metadata, lost_reason, created_at, updated_at, closed_at""";

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
    Lead insert(@BindMethods Lead lead);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.leads WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL")
    Optional<Lead> find(OrganizationId organizationId, LeadId id);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.leads"
            + " WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL FOR UPDATE")
    Optional<Lead> lock(OrganizationId organizationId, LeadId id);

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
    Lead update(@BindMethods Lead lead);

    @Override
    @SqlUpdate("UPDATE crm.leads SET deleted_at = :at WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL")
    void markDeleted(OrganizationId organizationId, LeadId id, Instant at);

    @Override
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.leads
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (created_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Lead> listByCreated(OrganizationId organizationId, Instant afterAt, LeadId afterId, int limit);

    @Override
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.leads
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (updated_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY updated_at DESC, id DESC
            LIMIT :limit""")
    List<Lead> listByUpdated(OrganizationId organizationId, Instant afterAt, LeadId afterId, int limit);

    /** The keyset condition and order of the pages by ({@code updated_at}, {@code id}), newest first. */
    String UPDATED_PAGE = """
              AND (updated_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY updated_at DESC, id DESC
            LIMIT :limit""";

    @Override
    default List<Lead> listStage(OrganizationId organizationId, Stage stage, LeadFilter filter,
            Map<Stage, Instant> rottingBefore, Instant afterAt, LeadId afterId, int limit) {
        LeadFilterSql f = LeadFilterSql.of(filter, rottingBefore);
        return stagePage(organizationId, stage, f.sql(), f, afterAt, afterId, limit);
    }

    /**
     * One Kanban column's page: the tenant's range of idx_leads_org_stage_updated (unfiltered), or of the V11
     * assignee or priority index (filtered), read in order from the keyset position.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.leads
            WHERE organization_id = :organizationId AND deleted_at IS NULL AND stage = :stage<filter>
            """ + UPDATED_PAGE)
    List<Lead> stagePage(OrganizationId organizationId, Stage stage, @Define("filter") String filter,
            @BindMethods("f") LeadFilterSql f, Instant afterAt, LeadId afterId, int limit);

    @Override
    default List<Lead> listFiltered(OrganizationId organizationId, boolean byUpdate, LeadFilter filter,
            Map<Stage, Instant> rottingBefore, Instant afterAt, LeadId afterId, int limit) {
        LeadFilterSql f = LeadFilterSql.of(filter, rottingBefore);
        return byUpdate ? filteredByUpdated(organizationId, f.sql(), f, afterAt, afterId, limit)
                : filteredByCreated(organizationId, f.sql(), f, afterAt, afterId, limit);
    }

    /** A filtered list by update time: the tenant's range of idx_leads_org_updated, the filter on its rows. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.leads
            WHERE organization_id = :organizationId AND deleted_at IS NULL<filter>
            """ + UPDATED_PAGE)
    List<Lead> filteredByUpdated(OrganizationId organizationId, @Define("filter") String filter,
            @BindMethods("f") LeadFilterSql f, Instant afterAt, LeadId afterId, int limit);

    /** A filtered list by creation time: the tenant's range of idx_leads_org_created, the filter on its rows. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.leads
            WHERE organization_id = :organizationId AND deleted_at IS NULL<filter>
              AND (created_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Lead> filteredByCreated(OrganizationId organizationId, @Define("filter") String filter,
            @BindMethods("f") LeadFilterSql f, Instant afterAt, LeadId afterId, int limit);

    @Override
    default List<StageTotal> countByStage(OrganizationId organizationId, LeadFilter filter,
            Map<Stage, Instant> rottingBefore) {
        LeadFilterSql f = LeadFilterSql.of(filter, rottingBefore);
        return countFiltered(organizationId, f.sql(), f);
    }

    /** The filtered Kanban's exact totals, counted in one statement over the tenant's leads. */
    @SqlQuery("""
            SELECT stage, count(*) AS count, COALESCE(sum(estimated_value), 0) AS value_sum
              FROM crm.leads
             WHERE organization_id = :organizationId AND deleted_at IS NULL<filter>
             GROUP BY stage""")
    List<StageTotal> countFiltered(OrganizationId organizationId, @Define("filter") String filter,
            @BindMethods("f") LeadFilterSql f);

    @Override
    @SqlQuery("""
            SELECT stage, lead_count AS count, value_sum FROM crm.lead_stage_totals
             WHERE organization_id = :organizationId""")
    List<StageTotal> stageTotals(OrganizationId organizationId);

    @Override
    @SqlQuery("SELECT COALESCE(CAST(settings -> 'pipeline' AS text), '{}') FROM crm.organizations WHERE id = :organizationId")
    String stageSettings(OrganizationId organizationId);

    @Override
    @SqlUpdate("""
            UPDATE crm.organizations
               SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{pipeline}', CAST(:json AS jsonb)),
                   updated_at = now()
             WHERE id = :organizationId""")
    void saveStageSettings(OrganizationId organizationId, String json);
}
