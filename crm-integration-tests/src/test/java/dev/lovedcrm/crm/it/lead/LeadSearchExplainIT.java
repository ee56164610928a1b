package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadSearchRepository;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search on a few thousand leads per tenant: the statement inside crm.search_leads, exactly as stored in the
 * database, explained as the function runs it (as the owner, with the tenant and the query as values: a one-shot
 * plan) reads only the tenant's range of an index in every branch, never a sequential scan; the repository's statement, explained as the
 * application role in a tenant transaction, reads the leads found by primary key. Timings are printed, never
 * asserted.
 */
@CrmDatabaseTest
class LeadSearchExplainIT {

    private static final int ORGANIZATIONS = 3;
    private static final int LEADS_PER_ORGANIZATION = 3_000;
    private static final String FIRST = "ARRAY['Maria','José','Ana','João','Antônio','Francisca','Carlos','Paulo','Pedro',"
            + "'Lucas','Luiz','Marcos','Gabriel','Rafael','Daniel','Marcelo','Bruno','Eduardo','Felipe','Juliana','Fernanda',"
            + "'Patrícia','Aline','Camila','Amanda','Bruna','Letícia','Júlia','Beatriz','Larissa','Vanessa','Sandra',"
            + "'Adriana','Fernando','Rodrigo','Gustavo','Thiago','Renata','Simone','Otávio']";
    private static final String LAST = "ARRAY['Silva','Santos','Oliveira','Souza','Rodrigues','Ferreira','Alves','Pereira',"
            + "'Lima','Gomes','Costa','Ribeiro','Martins','Carvalho','Almeida','Lopes','Soares','Fernandes','Vieira','Barbosa',"
            + "'Rocha','Dias','Nascimento','Andrade','Moreira','Nunes','Marques','Machado','Mendes','Freitas']";

    private static CrmTestDatabase db;
    private static OrganizationId tenant;
    private static TenantScope scope;

    @BeforeAll
    static void manyLeads(CrmTestDatabase database) throws SQLException {
        db = database;
        TenancyFixture fx = new TenancyFixture(db.dataSource());
        for (int i = 0; i < ORGANIZATIONS; i++) {
            UserId owner = fx.user("search-explain-" + i);
            Organization org = fx.organization(owner, "Search Explain " + i);
            tenant = org.id();
            scope = fx.scope(org.id(), owner);
            try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO crm.leads (organization_id, id, name, email, phone, company, created_at, updated_at)"
                        + " SELECT '" + org.id().value() + "', gen_random_uuid(),"
                        + " f[1 + n % 40] || ' ' || l[1 + (n / 40) % 30] || ' ' || l[1 + (n / 7) % 30],"
                        + " lower(l[1 + (n / 40) % 30]) || '.' || n || '@empresa' || (n % 97) || '.com.br',"
                        + " '+55' || (11 + n % 80) || '9' || lpad((n * 7919 % 100000000)::text, 8, '0'),"
                        + " 'Empresa ' || l[1 + n % 30] || ' ' || (n % 211), now(), now()"
                        + " FROM generate_series(1, " + LEADS_PER_ORGANIZATION + ") AS n, (SELECT " + FIRST + " AS f, " + LAST + " AS l) AS names");
            }
        }
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE crm.leads");
        }
    }

    @Test
    void everyBranchOfTheSearchUsesItsIndex() throws SQLException {
        for (String[] query : List.of(new String[] {"Otavio Mendes", ""}, new String[] {"mraia", ""},
                new String[] {"13 90001", "1390001"}, new String[] {"empresa77", "77"})) {
            String plan = explainInner(query[0], query[1]);
            System.out.println("search '" + query[0] + "' (inner statement, as the owner):\n" + plan);
            // Every branch reads only the tenant's range of an index: at a few thousand leads the planner picks the
            // tenant's btree range with the trigram filter, at 100 000 the trigram indexes (docs/pipeline.md).
            assertThat(plan).as(query[0]).doesNotContain("Seq Scan")
                    .containsPattern("Index Cond: \\(+organization_id = '" + tenant.value() + "'::uuid\\)");
        }
    }

    @Test
    void theRepositoryReadsTheLeadsFoundByPrimaryKeyUnderTheTenantsPolicy() throws Exception {
        String sql = JdbiLeadSearchRepository.class.getMethod("search", OrganizationId.class, String.class, Float.class,
                dev.lovedcrm.crm.id.LeadId.class, int.class).getAnnotation(SqlQuery.class).value();
        String plan = JdbiCrmStore.create(db.dataSource()).inTenant(tenant, tx -> String.join("\n",
                ((JdbiStoreTransaction) tx).handle().createQuery("EXPLAIN " + sql).bind("organizationId", tenant.value())
                        .bind("query", "Otavio Mendes").bindNull("afterScore", Types.REAL).bindNull("afterId", Types.OTHER)
                        .bind("limit", 21).mapTo(String.class).list()));
        System.out.println("search (repository statement, as the application role):\n" + plan);
        assertThat(plan).contains("Function Scan on search_leads").doesNotContain("Seq Scan");
    }

    @Test
    void timings() {
        for (String query : List.of("Otavio Mendes", "mraia", "Maria Silva", "13 90001", "empresa77")) {
            scope.leads().search(query, PageRequest.first(20));
            long start = System.nanoTime();
            int rounds = 20;
            List<LeadSearchResult> last = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                last = scope.leads().search(query, PageRequest.first(20)).items();
            }
            System.out.printf("search '%s' over %d leads of the tenant (%d in the table): %.2f ms per page, %d results%n",
                    query, LEADS_PER_ORGANIZATION, ORGANIZATIONS * LEADS_PER_ORGANIZATION,
                    (System.nanoTime() - start) / 1e6 / rounds, last.size());
            assertThat(last).as(query).isNotEmpty();
        }
    }

    /** EXPLAIN of the statement crm.search_leads runs, taken from the function's stored source, as the owner. */
    private static String explainInner(String query, String digits) throws SQLException {
        String source = Sql.string(db.ownerDataSource(),
                "SELECT prosrc FROM pg_proc WHERE oid = 'crm.search_leads(text, real, uuid, integer)'::regprocedure");
        String inner = source.split("\\$q\\$")[1];
        try (Connection c = db.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path = pg_catalog, crm");
            s.execute("SET pg_trgm.strict_word_similarity_threshold = 0.2");
            s.execute("PREPARE search(uuid, text, text, real, uuid, integer) AS " + inner);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF) EXECUTE search('" + tenant.value() + "', '"
                    + query + "', '" + digits + "', NULL, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 21)")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            s.execute("DEALLOCATE search");
            return String.join("\n", lines);
        }
    }
}
