package dev.lovedcrm.crm.report;

import dev.lovedcrm.crm.error.PlanLimitExceededException;
import dev.lovedcrm.crm.error.ValidationException;
import java.util.List;

/**
 * Reports over the organization's pipeline, computed by the database; deleted leads are never counted.
 * Every method needs the permission {@code report.read} (every role; API keys may be granted it).
 * {@link #pipeline()} is on every plan; the others need the plan feature {@code advanced_reports} and are refused
 * otherwise with a {@link PlanLimitExceededException} of code {@code plan.feature_required}. A period is
 * checked before anything is read ({@link ValidationException} on {@code period}, {@code from} or {@code to}).
 */
public interface Reports {

    /**
     * Count and estimated value per stage now, all five stages (zeros included), and the closed share.
     *
     * @return the summary
     */
    PipelineSummary pipeline();

    /**
     * The conversion funnel of the leads created in the period: per stage, how many reached it and their share.
     *
     * @param period the creation period
     * @return the five stages in pipeline order
     */
    List<FunnelStep> funnel(ReportPeriod period);

    /**
     * Win rate and average deal size of the leads closed in the period.
     *
     * @param period the closing period
     * @return the figures
     */
    DealStats deals(ReportPeriod period);

    /**
     * Revenue of the leads won in the period, per source, largest first.
     *
     * @param period the closing period
     * @return one row per source with a won lead
     */
    List<SourceRevenue> revenueBySource(ReportPeriod period);

    /**
     * Average and median time in each open stage, over the stays (from the stage-change activities) that ended
     * in the period.
     *
     * @param period the period in which the stays ended
     * @return the four open stages in pipeline order
     */
    List<StageTime> timeInStage(ReportPeriod period);

    /**
     * Count, won count and won value of the leads created in the period, per assigned user (unassigned last).
     *
     * @param period the creation period
     * @return one row per assignee with leads, largest value first
     */
    List<AssigneeStats> byAssignee(ReportPeriod period);
}
