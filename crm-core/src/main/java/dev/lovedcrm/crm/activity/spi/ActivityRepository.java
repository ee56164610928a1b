package dev.lovedcrm.crm.activity.spi;

import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.activity.ActivityId;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import java.time.Instant;
import java.util.List;

/** Storage of the lead activity log. Every method takes the organization explicitly. */
public interface ActivityRepository {

    /**
     * Appends a row.
     *
     * @param activity the row, with its organization
     */
    void insert(Activity activity);

    /**
     * Whether a lead exists in the organization, deleted or not.
     *
     * @param organizationId the tenant
     * @param leadId the lead
     * @return true if it does
     */
    boolean leadExists(OrganizationId organizationId, LeadId leadId);

    /**
     * One lead's rows, newest first by ({@code created_at}, {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param leadId the lead
     * @param types the activity types to keep (stored form), empty for all
     * @param afterAt time of the last row of the previous page, or {@code null}
     * @param afterId id of that row, or {@code null}
     * @param limit how many at most
     * @return the rows
     */
    List<Activity> forLead(OrganizationId organizationId, LeadId leadId, List<String> types, Instant afterAt,
            ActivityId afterId, int limit);

    /**
     * The organization's rows, newest first by ({@code created_at}, {@code id}), strictly after a keyset position.
     *
     * @param organizationId the tenant
     * @param types the activity types to keep (stored form), empty for all
     * @param afterAt time of the last row of the previous page, or {@code null}
     * @param afterId id of that row, or {@code null}
     * @param limit how many at most
     * @return the rows
     */
    List<Activity> forOrganization(OrganizationId organizationId, List<String> types, Instant afterAt,
            ActivityId afterId, int limit);
}
