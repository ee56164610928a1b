package dev.lovedcrm.crm.jdbi.internal.activity;

import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.activity.ActivityId;
import dev.lovedcrm.crm.activity.spi.ActivityRepository;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link ActivityRepository} over {@code crm.lead_activities}. Timelines are keyset-paged newest first on
 * ({@code created_at}, {@code id}); the first page passes no position, which reads as the end of time.
 */
public interface JdbiActivityRepository extends ActivityRepository {

    /** The columns of {@link Activity}, named as its components. */
    String COLUMNS = """
            id, organization_id, lead_id, activity_type AS type, description, old_value, new_value, user_id,
            activity_metadata AS metadata, created_at""";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.lead_activities (organization_id, id, lead_id, activity_type, description, old_value,
                                             new_value, user_id, activity_metadata, created_at)
            VALUES (:organizationId, :id, :leadId, :type, :description, :oldValue, :newValue, :userId, :metadata,
                    COALESCE(:createdAt, now()))""")
    void insert(@BindMethods Activity activity);

    @Override
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM crm.leads WHERE organization_id = :organizationId AND id = :leadId)")
    boolean leadExists(OrganizationId organizationId, LeadId leadId);

    @Override
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.lead_activities
            WHERE organization_id = :organizationId AND lead_id = :leadId
              AND (cardinality(CAST(:types AS text[])) = 0 OR activity_type = ANY (CAST(:types AS text[])))
              AND (created_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Activity> forLead(OrganizationId organizationId, LeadId leadId, List<String> types, Instant afterAt,
            ActivityId afterId, int limit);

    @Override
    @SqlQuery("SELECT " + COLUMNS + """
             FROM crm.lead_activities
            WHERE organization_id = :organizationId
              AND (cardinality(CAST(:types AS text[])) = 0 OR activity_type = ANY (CAST(:types AS text[])))
              AND (created_at, id) < (COALESCE(CAST(:afterAt AS timestamptz), 'infinity'),
                                      COALESCE(CAST(:afterId AS uuid), 'ffffffff-ffff-ffff-ffff-ffffffffffff'))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Activity> forOrganization(OrganizationId organizationId, List<String> types, Instant afterAt,
            ActivityId afterId, int limit);
}
