package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadRepository;
import dev.lovedcrm.crm.jdbi.internal.lead.LeadFilterSql;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kanban's card queries, exactly as the repository runs them, explained as the application role inside a
 * tenant transaction of the store (row-level security on): each column reads the tenant's range of its index in
 * order (no sequential scan, no sort), unfiltered, by assignee and by priority, on the first page and a later one.
 */
@CrmDatabaseTest
class KanbanExplainIT {

    private static final int ORGANIZATIONS = 4;
    private static final int LEADS_PER_ORGANIZATION = 3_000;

    private static CrmTestDatabase db;
    private static OrganizationId tenant;
    private static final List<UserId> USERS = new ArrayList<>();

    @BeforeAll
    static void manyLeads(CrmTestDatabase database) throws SQLException {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        for (int i = 0; i < 10; i++) {
            USERS.add(fx.user("kanban-explain-user-" + i));
        }
        StringBuilder users = new StringBuilder("ARRAY[");
        for (int i = 0; i < USERS.size(); i++) {
            users.append(i == 0 ? "" : ",").append('\'').append(USERS.get(i).value()).append("'::uuid");
        }
        users.append(']');
        for (int i = 0; i < ORGANIZATIONS; i++) {
            UserId owner = fx.user("kanban-explain-" + i);
            Organization org = fx.organization(owner, "Kanban Explain " + i);
            tenant = org.id();
            try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
                // Stages evenly; priorities skewed (urgent 5 %); ten assignees and some unassigned.
                s.execute("""
                        INSERT INTO crm.leads (organization_id, id, name, stage, priority, assigned_user_id, estimated_value,
                                               is_closed, closed_at, created_at, updated_at)
                        SELECT '%s', gen_random_uuid(), 'Lead ' || n, (ARRAY['lead','contact','proposal','negotiation','closed'])[1 + n %% 5],
                               CAST(CASE WHEN n %% 20 = 0 THEN 'urgent' WHEN n %% 20 < 4 THEN 'high' WHEN n %% 20 < 14 THEN 'medium'
                                         ELSE 'low' END AS crm.lead_priority),
                               CASE WHEN n %% 11 = 0 THEN NULL ELSE (%s)[1 + n %% 10] END, n %% 1000,
                               n %% 5 = 4, CASE WHEN n %% 5 = 4 THEN now() END,
                               now() - n * interval '1 minute', now() - n * interval '1 minute'
                          FROM generate_series(1, %d) AS n""".formatted(org.id().value(), users, LEADS_PER_ORGANIZATION));
            }
        }
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE crm.leads");
            s.execute("ANALYZE crm.lead_stage_totals");
        }
    }

    @Test
    void everyUnfilteredColumnReadsTheTenantsRangeOfTheStageIndexInOrder() {
        for (Stage stage : Stage.values()) {
            for (String plan : plans(stage, LeadFilter.all())) {
                assertThat(plan).as(stage + "\n" + plan).contains("Index Scan using idx_leads_org_stage_updated")
                        .contains("Index Cond: ((organization_id =").doesNotContain("Seq Scan").doesNotContain("Sort");
            }
        }
    }

    @Test
    void aColumnFilteredByAssigneeReadsTheAssigneeIndexInOrder() {
        for (String plan : plans(Stage.PROPOSAL, LeadFilter.all().assignedTo(USERS.get(3)))) {
            assertThat(plan).as(plan).contains("Index Scan using idx_leads_org_assignee_stage_updated")
                    .containsPattern("Index Cond: \\(\\(organization_id = .*assigned_user_id")
                    .doesNotContain("Seq Scan").doesNotContain("Sort");
        }
        for (String plan : plans(Stage.PROPOSAL, LeadFilter.all().unassigned(true))) {
            assertThat(plan).as(plan).contains("Index Scan using idx_leads_org_unassigned_stage_updated")
                    .contains("Index Cond: ((organization_id =").doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    @Test
    void aColumnFilteredByPriorityReadsThePriorityIndexInOrder() {
        for (String plan : plans(Stage.NEGOTIATION, LeadFilter.all().priorities(Priority.URGENT))) {
            assertThat(plan).as(plan).contains("Index Scan using idx_leads_org_priority_stage_updated")
                    .containsPattern("Index Cond: \\(\\(organization_id = .*priority_rank")
                    .doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    @Test
    void theFilteredCountsReadTheTenantsRangeOfAnIndex() {
        for (LeadFilter filter : List.of(LeadFilter.all().assignedTo(USERS.get(3)), LeadFilter.all().priorities(Priority.URGENT))) {
            LeadFilterSql f = LeadFilterSql.of(filter, Map.of());
            String plan = explain(sqlOf("countFiltered"), q -> q.define("filter", f.sql()).bindMethods("f", f));
            // A count reads every matching lead; the planner picks the cheapest index, always on the tenant's range.
            assertThat(plan).as(plan).containsPattern("Index Cond: \\(+organization_id =").doesNotContain("Seq Scan");
        }
    }

    /** The plan of a column's first page and of a later page. */
    private static List<String> plans(Stage stage, LeadFilter filter) {
        LeadFilterSql f = LeadFilterSql.of(filter, Map.of());
        String sql = sqlOf("stagePage");
        String first = explain(sql, q -> q.define("filter", f.sql()).bindMethods("f", f).bind("stage", stage.dbValue())
                .bindNull("afterAt", Types.TIMESTAMP_WITH_TIMEZONE).bindNull("afterId", Types.OTHER).bind("limit", 51));
        String later = explain(sql, q -> q.define("filter", f.sql()).bindMethods("f", f).bind("stage", stage.dbValue())
                .bind("afterAt", Instant.now().minusSeconds(20 * 3_600)).bind("afterId", UUID.randomUUID()).bind("limit", 51));
        assertThat(later).as("the keyset position bounds the index scan").containsPattern("Index Cond: .*updated_at, id\\) <");
        return List.of(first, later);
    }

    private static String explain(String sql, java.util.function.UnaryOperator<Query> binder) {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());
        return store.inTenant(tenant, tx -> {
            Query query = ((JdbiStoreTransaction) tx).handle().createQuery("EXPLAIN " + sql)
                    .bind("organizationId", tenant.value());
            return String.join("\n", binder.apply(query).mapTo(String.class).list());
        });
    }

    private static String sqlOf(String name) {
        for (Method method : JdbiLeadRepository.class.getMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(SqlQuery.class)) {
                return method.getAnnotation(SqlQuery.class).value();
            }
        }
        throw new IllegalArgumentException(name);
    }
}
