package dev.lovedcrm.crm.report.spi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.report.AssigneeStats;
import dev.lovedcrm.crm.report.DealStats;
import dev.lovedcrm.crm.report.FunnelStep;
import dev.lovedcrm.crm.report.SourceRevenue;
import dev.lovedcrm.crm.report.StageSummary;
import java.time.Instant;
import java.util.List;

/**
 * Reads the figures of {@link dev.lovedcrm.crm.report.Reports}, each in one statement over the organization's
 * leads that are not deleted. Periods are half-open: {@code since} included, {@code until} not.
 */
public interface ReportRepository {

    /**
     * Count and estimated value per stage, all five stages in pipeline order.
     *
     * @param organizationId the organization
     * @return five rows
     */
    List<StageSummary> stageSummary(OrganizationId organizationId);

    /**
     * The funnel of the leads created in the period, all five stages in pipeline order.
     *
     * @param organizationId the organization
     * @param since the start of the period
     * @param until the end of the period
     * @return five rows
     */
    List<FunnelStep> funnel(OrganizationId organizationId, Instant since, Instant until);

    /**
     * Win rate and average deal size of the leads closed in the period.
     *
     * @param organizationId the organization
     * @param since the start of the period
     * @param until the end of the period
     * @return the figures
     */
    DealStats deals(OrganizationId organizationId, Instant since, Instant until);

    /**
     * Revenue per source of the leads won in the period.
     *
     * @param organizationId the organization
     * @param since the start of the period
     * @param until the end of the period
     * @return one row per source, largest revenue first
     */
    List<SourceRevenue> revenueBySource(OrganizationId organizationId, Instant since, Instant until);

    /**
     * Time in each open stage over the stays that ended in the period.
     *
     * @param organizationId the organization
     * @param since the start of the period
     * @param until the end of the period
     * @return four rows in pipeline order
     */
    List<StageTimeRow> timeInStage(OrganizationId organizationId, Instant since, Instant until);

    /**
     * Per assigned user, the leads created in the period.
     *
     * @param organizationId the organization
     * @param since the start of the period
     * @param until the end of the period
     * @return one row per assignee
     */
    List<AssigneeStats> byAssignee(OrganizationId organizationId, Instant since, Instant until);
}
