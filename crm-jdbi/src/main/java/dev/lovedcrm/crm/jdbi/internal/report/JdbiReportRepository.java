package dev.lovedcrm.crm.jdbi.internal.report;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.report.AssigneeStats;
import dev.lovedcrm.crm.report.DealStats;
import dev.lovedcrm.crm.report.FunnelStep;
import dev.lovedcrm.crm.report.SourceRevenue;
import dev.lovedcrm.crm.report.StageSummary;
import dev.lovedcrm.crm.report.spi.ReportRepository;
import dev.lovedcrm.crm.report.spi.StageTimeRow;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * {@link ReportRepository} over {@code crm.leads} and {@code crm.lead_activities}: each figure is one statement
 * that filters by the organization explicitly and leaves out deleted leads. Stage lists come from a literal array
 * joined to the data, so stages without leads report zeros. Shares are rounded to four decimals by the database.
 */
public interface JdbiReportRepository extends ReportRepository {

    @Override
    @SqlQuery("""
            SELECT s.stage, count(l.id) AS count, COALESCE(sum(l.estimated_value), 0) AS value
              FROM unnest(CAST(ARRAY['lead', 'contact', 'proposal', 'negotiation', 'closed'] AS text[]))
                   WITH ORDINALITY AS s (stage, position)
              LEFT JOIN crm.leads l
                ON l.organization_id = :organizationId AND l.deleted_at IS NULL AND l.stage = s.stage
             GROUP BY s.stage, s.position
             ORDER BY s.position""")
    List<StageSummary> stageSummary(OrganizationId organizationId);

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
    List<FunnelStep> funnel(OrganizationId organizationId, Instant since, Instant until);

    @Override
    @SqlQuery("""
            SELECT count(*) AS closed, count(*) FILTER (WHERE is_won) AS won,
                   CASE WHEN count(*) = 0 THEN 0
                        ELSE round(count(*) FILTER (WHERE is_won)::numeric / count(*), 4) END AS win_rate,
                   COALESCE(round(avg(actual_value) FILTER (WHERE is_won), 2), 0) AS average_deal_size
              FROM crm.leads
             WHERE organization_id = :organizationId AND deleted_at IS NULL AND is_closed
               AND closed_at >= :since AND closed_at < :until""")
    DealStats deals(OrganizationId organizationId, Instant since, Instant until);

    @Override
    @SqlQuery("""
            SELECT COALESCE(source, 'web') AS source, count(*) AS won, COALESCE(sum(actual_value), 0) AS revenue
              FROM crm.leads
             WHERE organization_id = :organizationId AND deleted_at IS NULL AND is_won
               AND closed_at >= :since AND closed_at < :until
             GROUP BY COALESCE(source, 'web')
             ORDER BY revenue DESC, source""")
    List<SourceRevenue> revenueBySource(OrganizationId organizationId, Instant since, Instant until);

    @Override
    @SqlQuery
    @UseClasspathSqlLocator
    List<StageTimeRow> timeInStage(OrganizationId organizationId, Instant since, Instant until);

    @Override
    @SqlQuery("""
            SELECT assigned_user_id AS user_id, count(*) AS leads, count(*) FILTER (WHERE is_won) AS won,
                   COALESCE(sum(actual_value) FILTER (WHERE is_won), 0) AS value
              FROM crm.leads
             WHERE organization_id = :organizationId AND deleted_at IS NULL
               AND created_at >= :since AND created_at < :until
             GROUP BY assigned_user_id
             ORDER BY value DESC, leads DESC, assigned_user_id NULLS LAST""")
    List<AssigneeStats> byAssignee(OrganizationId organizationId, Instant since, Instant until);
}
