package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
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
}
