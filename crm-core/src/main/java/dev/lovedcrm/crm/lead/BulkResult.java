package dev.lovedcrm.crm.lead;

/**
 * What a bulk operation of {@link Leads} did.
 *
 * @param changed leads changed (each with its activities and event)
 * @param unchanged leads already as asked (no activity, no event)
 * @param notFound ids that name no lead of the organization (deleted, never existing, or another organization's)
 * @param skipped leads left as they were because the acting principal may not change them (a member deleting a
 *     lead not assigned to them) or the change would break a bound (more than the allowed number of tags)
 */
public record BulkResult(int changed, int unchanged, int notFound, int skipped) {

    /**
     * The leads the operation looked at.
     *
     * @return the sum of the counts
     */
    public int total() {
        return changed + unchanged + notFound + skipped;
    }
}
