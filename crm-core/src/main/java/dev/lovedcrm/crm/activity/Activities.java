package dev.lovedcrm.crm.activity;

import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;

/**
 * The activity log of the organization's leads, newest first, keyset-paged on ({@code created_at}, {@code id}):
 * rows written by one change share a time and are ordered by their (time-ordered) ids, so the order is stable.
 * From {@code scope.activities()}. Reading needs {@code lead.read} (every role). Rows are written only by
 * {@link dev.lovedcrm.crm.lead.Leads}, in the transaction of the change.
 */
public interface Activities {

    /** The largest page of activities. */
    int MAX_PAGE_SIZE = 100;

    /**
     * One lead's timeline, also after the lead was deleted.
     *
     * @param leadId the lead
     * @param filter which types
     * @param page at most {@value #MAX_PAGE_SIZE} rows after a cursor
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code leadId}, {@code filter}, {@code limit} or
     *     {@code cursor}
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code lead.not_found} for a lead that never
     *     existed in this organization
     */
    Page<Activity> forLead(LeadId leadId, ActivityFilter filter, PageRequest page);

    /**
     * The whole organization's timeline.
     *
     * @param filter which types
     * @param page at most {@value #MAX_PAGE_SIZE} rows after a cursor
     * @return the page
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code filter}, {@code limit} or {@code cursor}
     */
    Page<Activity> forOrganization(ActivityFilter filter, PageRequest page);
}
