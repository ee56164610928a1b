package dev.lovedcrm.crm.lead.spi;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import java.util.List;

/**
 * Search over the leads of the tenant of the current transaction. A store must confine the search to the tenant
 * of the transaction's own context (crm-jdbi: the sealed context of row-level security), not only to the
 * organization passed here; deleted leads are never found.
 */
public interface LeadSearchRepository {

    /**
     * Leads matching a query by name, email, company (typo-tolerant) or phone digits, best first by
     * ({@code score}, {@code id}) descending, strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param query the normalised query, at least 3 characters
     * @param afterScore score of the last result of the previous page, or {@code null} for the first page
     * @param afterId id of that result, or {@code null}
     * @param limit how many at most
     * @return the results
     */
    List<LeadSearchResult> search(OrganizationId organizationId, String query, Float afterScore, LeadId afterId, int limit);
}
