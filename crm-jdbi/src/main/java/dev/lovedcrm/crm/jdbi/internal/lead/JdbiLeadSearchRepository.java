package dev.lovedcrm.crm.jdbi.internal.lead;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import dev.lovedcrm.crm.lead.spi.LeadSearchRepository;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@link LeadSearchRepository} over {@code crm.search_leads} (V12): the function finds the ids and scores inside
 * the tenant of the sealed context with the trigram indexes (row-level security would keep PostgreSQL from using
 * them, the operators not being leakproof); the leads' columns are then read by primary key under the policy and
 * the explicit organization filter, so both walls still apply to what is returned.
 */
public interface JdbiLeadSearchRepository extends LeadSearchRepository {

    @Override
    @SqlQuery("SELECT " + JdbiLeadRepository.COLUMNS + """
            , score
              FROM (SELECT l.*, s.score
                      FROM crm.search_leads(:query, CAST(:afterScore AS real), CAST(:afterId AS uuid), :limit) AS s
                      JOIN crm.leads l ON l.organization_id = :organizationId AND l.id = s.id AND l.deleted_at IS NULL) AS hit
             ORDER BY score DESC, id DESC""")
    List<LeadSearchResult> search(OrganizationId organizationId, String query, Float afterScore, LeadId afterId, int limit);
}
