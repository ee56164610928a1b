package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.activity.JdbiActivityRepository;
import dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadRepository;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot list queries, exactly as the repositories run them, explained as the application role inside a tenant
 * transaction of the store (so row-level security is on): each reads the tenant's range of its index in order,
 * with no sequential scan and no sort, on the first page and on a later one.
 */
@CrmDatabaseTest
class LeadListExplainIT {

    private static final int ORGANIZATIONS = 4;
    private static final int LEADS_PER_ORGANIZATION = 2_000;

    private static CrmTestDatabase db;
    private static OrganizationId tenant;

    @BeforeAll
    static void manyLeads(CrmTestDatabase database) throws SQLException {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        for (int i = 0; i < ORGANIZATIONS; i++) {
            UserId owner = fx.user("explain-" + i);
            Organization org = fx.organization(owner, "Explain " + i);
            tenant = org.id();
            try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
                String orgId = org.id().value().toString();
                s.execute("INSERT INTO crm.leads (organization_id, id, name, created_at, updated_at)"
                        + " SELECT '" + orgId + "', gen_random_uuid(), 'Lead ' || n, now() - n * interval '1 minute',"
                        + " now() - n * interval '1 minute' FROM generate_series(1, " + LEADS_PER_ORGANIZATION + ") AS n");
                s.execute("INSERT INTO crm.lead_activities (organization_id, id, lead_id, activity_type, created_at)"
                        + " SELECT organization_id, gen_random_uuid(), id, 'created', created_at FROM crm.leads"
                        + " WHERE organization_id = '" + orgId + "'");
            }
        }
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE crm.leads");
            s.execute("ANALYZE crm.lead_activities");
        }
    }

    @Test
    void theLeadListReadsTheTenantsRangeOfItsIndexInOrder() throws Exception {
        for (String method : List.of("listByCreated", "listByUpdated")) {
            String index = method.equals("listByCreated") ? "idx_leads_org_created" : "idx_leads_org_updated";
            String sql = sqlOf(JdbiLeadRepository.class, method);
            String first = explain(sql, null, null);
            String later = explain(sql, Instant.now().minusSeconds(3_600), UUID.randomUUID());

            for (String plan : List.of(first, later)) {
                assertThat(plan).as(method).contains("Index Scan using " + index).contains("Index Cond: ((organization_id =")
                        .doesNotContain("Seq Scan").doesNotContain("Sort");
            }
            assertThat(later).as("the keyset position bounds the index scan").containsPattern("Index Cond: .*_at, id\\) <");
        }
    }

    @Test
    void theTimelinesReadTheTenantsRangeOfTheirIndexesInOrder() throws Exception {
        String organization = sqlOf(JdbiActivityRepository.class, "forOrganization");
        String plan = explainTimeline(organization, null);
        assertThat(plan).contains("Index Scan using idx_lead_activities_org_id").doesNotContain("Seq Scan").doesNotContain("Sort");

        String perLead = sqlOf(JdbiActivityRepository.class, "forLead");
        UUID lead = firstLead();
        assertThat(explainTimeline(perLead, lead)).contains("Index Scan using idx_lead_activities_lead_id")
                .doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    private static String explain(String sql, Instant afterAt, UUID afterId) {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());
        return store.inTenant(tenant, tx -> {
            Query query = ((JdbiStoreTransaction) tx).handle().createQuery("EXPLAIN " + sql)
                    .bind("organizationId", tenant.value()).bind("limit", 21);
            query = afterAt == null ? query.bindNull("afterAt", Types.TIMESTAMP_WITH_TIMEZONE) : query.bind("afterAt", afterAt);
            query = afterId == null ? query.bindNull("afterId", Types.OTHER) : query.bind("afterId", afterId);
            return String.join("\n", query.mapTo(String.class).list());
        });
    }

    private static String explainTimeline(String sql, UUID lead) {
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());
        return store.inTenant(tenant, tx -> {
            Query query = ((JdbiStoreTransaction) tx).handle().createQuery("EXPLAIN " + sql)
                    .bind("organizationId", tenant.value()).bind("limit", 21)
                    .bindArray("types", String.class, List.of())
                    .bindNull("afterAt", Types.TIMESTAMP_WITH_TIMEZONE).bindNull("afterId", Types.OTHER);
            if (lead != null) {
                query.bind("leadId", lead);
            }
            String plan = String.join("\n", query.mapTo(String.class).list());
            return plan;
        });
    }

    private static UUID firstLead() throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM crm.leads WHERE organization_id = '" + tenant.value() + "' LIMIT 1")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static String sqlOf(Class<?> repository, String name) {
        for (Method method : repository.getMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(SqlQuery.class)) {
                return method.getAnnotation(SqlQuery.class).value();
            }
        }
        throw new IllegalArgumentException(name);
    }
}
