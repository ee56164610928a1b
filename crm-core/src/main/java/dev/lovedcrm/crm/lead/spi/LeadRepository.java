package dev.lovedcrm.crm.lead.spi;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of leads. Every method takes the organization explicitly (from the lead record for writes) and every
 * statement filters on it. Deleted leads are kept (so their activity log survives) and are invisible to every
 * method here.
 */
public interface LeadRepository {

    /**
     * Stores a new lead.
     *
     * @param lead the lead, with its organization
     * @return the lead as stored
     */
    Lead insert(Lead lead);

    /**
     * A lead that is not deleted.
     *
     * @param organizationId the tenant
     * @param id the lead
     * @return the lead, if any
     */
    Optional<Lead> find(OrganizationId organizationId, LeadId id);

    /**
     * {@link #find} with the row locked until the transaction ends.
     *
     * @param organizationId the tenant
     * @param id the lead
     * @return the lead, if any
     */
    Optional<Lead> lock(OrganizationId organizationId, LeadId id);

    /**
     * Writes every changeable field of a lead ({@code updated_at} is maintained by the store).
     *
     * @param lead the lead after the change
     * @return the lead as stored
     */
    Lead update(Lead lead);

    /**
     * Marks a lead deleted: it disappears from every read.
     *
     * @param organizationId the tenant
     * @param id the lead
     * @param at the time of deletion
     */
    void markDeleted(OrganizationId organizationId, LeadId id, Instant at);

    /**
     * Leads newest first by ({@code created_at}, {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param afterAt creation time of the last lead of the previous page, or {@code null} for the first page
     * @param afterId id of that lead, or {@code null}
     * @param limit how many at most
     * @return the leads
     */
    List<Lead> listByCreated(OrganizationId organizationId, Instant afterAt, LeadId afterId, int limit);

    /**
     * Leads most recently changed first by ({@code updated_at}, {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param afterAt update time of the last lead of the previous page, or {@code null} for the first page
     * @param afterId id of that lead, or {@code null}
     * @param limit how many at most
     * @return the leads
     */
    List<Lead> listByUpdated(OrganizationId organizationId, Instant afterAt, LeadId afterId, int limit);

    /**
     * A page of one stage's leads matching a filter, most recently changed first by ({@code updated_at},
     * {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param stage the stage
     * @param filter the filter, checked and normalised
     * @param rottingBefore per open stage with a threshold, the time before which a lead without activity is rotting
     * @param afterAt update time of the last lead of the previous page, or {@code null} for the first page
     * @param afterId id of that lead, or {@code null}
     * @param limit how many at most
     * @return the leads
     */
    List<Lead> listStage(OrganizationId organizationId, Stage stage, LeadFilter filter, Map<Stage, Instant> rottingBefore,
            Instant afterAt, LeadId afterId, int limit);

    /**
     * A page of the leads matching a filter, newest first by ({@code created_at}, {@code id}) or most recently
     * changed first by ({@code updated_at}, {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param byUpdate {@code true} to order by {@code updated_at}, else by {@code created_at}
     * @param filter the filter, checked and normalised
     * @param rottingBefore per open stage with a threshold, the rotting cut-off
     * @param afterAt the time of the last lead of the previous page, or {@code null} for the first page
     * @param afterId id of that lead, or {@code null}
     * @param limit how many at most
     * @return the leads
     */
    List<Lead> listFiltered(OrganizationId organizationId, boolean byUpdate, LeadFilter filter,
            Map<Stage, Instant> rottingBefore, Instant afterAt, LeadId afterId, int limit);

    /**
     * Count and estimated-value sum per stage of the leads matching a filter, counted now; stages without leads
     * are left out.
     *
     * @param organizationId the tenant
     * @param filter the filter, checked and normalised
     * @param rottingBefore per open stage with a threshold, the rotting cut-off
     * @return the totals
     */
    List<StageTotal> countByStage(OrganizationId organizationId, LeadFilter filter, Map<Stage, Instant> rottingBefore);

    /**
     * The maintained per-stage totals of every lead (kept by the store in the transaction of each change); stages
     * never used may be left out.
     *
     * @param organizationId the tenant
     * @return the totals
     */
    List<StageTotal> stageTotals(OrganizationId organizationId);

    /**
     * The organization's stage settings as stored (the {@code pipeline} member of its settings), or an empty
     * object when it has none.
     *
     * @param organizationId the tenant
     * @return JSON text
     */
    String stageSettings(OrganizationId organizationId);

    /**
     * Replaces the {@code pipeline} member of the organization's settings, leaving the other members as they are.
     *
     * @param organizationId the tenant
     * @param json the stage settings as JSON
     */
    void saveStageSettings(OrganizationId organizationId, String json);
}
