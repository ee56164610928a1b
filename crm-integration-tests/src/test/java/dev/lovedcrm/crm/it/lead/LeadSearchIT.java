package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import dev.lovedcrm.crm.lead.Leads;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead search as a host uses it: typo-tolerant and ranked, phone digits, within the tenant only (also against the
 * application role calling the search function itself with forged settings), deleted leads left out, keyset
 * paging, bad input.
 */
@CrmDatabaseTest
class LeadSearchIT {

    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private static Organization org;
    private static Organization other;
    private static TenantScope scope;
    private static Lead maria;
    private static Lead mariana;
    private static Lead julia;
    private static Lead phoneLead;
    private static Lead rawPhoneLead;
    private static Lead companyLead;
    private static Lead deleted;
    private static Lead stranger;

    @BeforeAll
    static void leads(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
        UserId owner = fx.user("search-owner");
        org = fx.organization(owner, "Search Co");
        scope = fx.scope(org.id(), owner);
        Leads leads = scope.leads();
        maria = leads.create(NewLead.named("Maria Souza").email("maria@exemplo.com.br"));
        mariana = leads.create(NewLead.named("Mariana Lima"));
        julia = leads.create(NewLead.named("Júlia Martins"));
        phoneLead = leads.create(NewLead.named("Carlos Pereira").phone("+55 11 98765-4321"));
        rawPhoneLead = leads.create(NewLead.named("Pedro Alves").phone("ramal 11-98765"));
        companyLead = leads.create(NewLead.named("Ana Costa").company("Vandelay Industries"));
        deleted = leads.create(NewLead.named("Maria Deletada"));
        leads.delete(deleted.id());

        UserId otherOwner = fx.user("search-other");
        other = fx.organization(otherOwner, "Other Co");
        stranger = fx.scope(other.id(), otherOwner).leads().create(NewLead.named("Maria Estranha")
                .phone("+5511987654321").company("Vandelay Industries"));
    }

    @Test
    void aTypoFindsTheNameAndTheClosestMatchComesFirst() {
        List<LeadSearchResult> found = scope.leads().search("Mraia", PageRequest.first(20)).items();

        assertThat(ids(found)).first().isEqualTo(maria.id().toString());
        assertThat(ids(found)).doesNotContain(julia.id().toString());
        assertThat(found.get(0).lead()).isEqualTo(maria);
        assertThat(found.get(0).score()).isGreaterThan(0).isLessThanOrEqualTo(1);

        List<LeadSearchResult> exact = scope.leads().search("maria", PageRequest.first(20)).items();
        assertThat(ids(exact)).startsWith(maria.id().toString(), mariana.id().toString());
        assertThat(exact.get(0).score()).isEqualTo(1.0);
        assertThat(exact).extracting(LeadSearchResult::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void emailCompanyAndPhoneDigitsAreSearched() {
        assertThat(ids(scope.leads().search("exemplo.com", PageRequest.first(5)).items())).contains(maria.id().toString());
        assertThat(ids(scope.leads().search("Vandeley", PageRequest.first(5)).items()))
                .containsExactly(companyLead.id().toString());
        assertThat(phoneLead.phone()).isEqualTo("+5511987654321");
        List<String> byPhone = ids(scope.leads().search("11 98765", PageRequest.first(5)).items());
        assertThat(byPhone).contains(phoneLead.id().toString(), rawPhoneLead.id().toString());
        assertThat(byPhone.get(0)).as("all its digits matched").isEqualTo(rawPhoneLead.id().toString());
        assertThat(ids(scope.leads().search("(11) 9876-54321", PageRequest.first(5)).items()))
                .containsExactly(phoneLead.id().toString());
    }

    @Test
    void anotherTenantsLeadsAndDeletedLeadsAreNeverFound() {
        for (String query : List.of("Maria", "Estranha", "Vandelay", "5511987654321", "Deletada")) {
            List<String> found = ids(scope.leads().search(query, PageRequest.first(100)).items());
            assertThat(found).as(query).doesNotContain(stranger.id().toString(), deleted.id().toString());
        }
        assertThat(ids(fx.scope(other.id(), other.ownerId()).leads().search("Maria", PageRequest.first(100)).items()))
                .containsExactly(stranger.id().toString());
    }

    @Test
    void theFunctionFindsNothingWithoutASealedTenant() throws SQLException {
        String call = "SELECT count(*) FROM crm.search_leads('Maria', NULL, NULL, 100)";
        assertThat(Sql.number(db.dataSource(), call)).as("no tenant set").isZero();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT txid_current()");
                s.execute("SELECT set_config('crm.system', 'off', true), set_config('crm.organization_id', '"
                        + org.id().value() + "', true), set_config('crm.context_proof', repeat('ab', 32), true)");
                try (ResultSet rs = s.executeQuery(call)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("forged tenant, forged proof").isZero();
                }
                s.execute("SELECT set_config('crm.system', 'on', true)");
                try (ResultSet rs = s.executeQuery(call)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("forged system mode").isZero();
                }
            } finally {
                c.rollback();
            }
        }
        JdbiCrmStore store = JdbiCrmStore.create(db.dataSource());
        long inSystem = store.inSystem("search test", tx -> ((JdbiStoreTransaction) tx).handle()
                .createQuery(call).mapTo(Long.class).one());
        assertThat(inSystem).as("system mode has no tenant").isZero();
        long inTenant = store.inTenant(org.id(), tx -> ((JdbiStoreTransaction) tx).handle()
                .createQuery(call).mapTo(Long.class).one());
        assertThat(inTenant).as("the sealed tenant").isPositive()
                .isEqualTo(scope.leads().search("Maria", PageRequest.first(100)).items().size());
    }

    @Test
    void theFunctionIsDefinerOwnedPinnedAndOnlyForTheApplicationRole() throws SQLException {
        assertThat(Sql.string(db.ownerDataSource(), """
                SELECT p.prosecdef || ':' || pg_get_userbyid(p.proowner) || ':' || array_to_string(p.proconfig, ';')
                  FROM pg_proc p WHERE p.oid = 'crm.search_leads(text, real, uuid, integer)'::regprocedure"""))
                .isEqualTo("true:" + Sql.string(db.ownerDataSource(), "SELECT nspowner::regrole::text FROM pg_namespace"
                        + " WHERE nspname = 'crm'") + ":search_path=pg_catalog, crm;pg_trgm.strict_word_similarity_threshold=0.2");
        assertThat(Sql.strings(db.ownerDataSource(), """
                SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END FROM pg_proc p, aclexplode(p.proacl) a
                 WHERE p.oid = 'crm.search_leads(text, real, uuid, integer)'::regprocedure AND a.privilege_type = 'EXECUTE'
                   AND a.grantee <> p.proowner"""))
                .containsExactly("crm_app");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Page<LeadSearchResult> all = scope.leads().search("Maria", PageRequest.first(100));
        assertThat(all.hasNext()).isFalse();
        List<String> paged = new ArrayList<>();
        Page<LeadSearchResult> page = scope.leads().search("Maria", PageRequest.first(1));
        paged.addAll(ids(page.items()));
        while (page.hasNext()) {
            page = scope.leads().search("Maria", PageRequest.after(page.nextCursor().orElseThrow().toString(), 1));
            paged.addAll(ids(page.items()));
        }
        assertThat(paged).containsExactlyElementsOf(ids(all.items())).hasSizeGreaterThan(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Leads leads = scope.leads();
        expectField(() -> leads.search(null, PageRequest.first(20)), "query");
        expectField(() -> leads.search("ab", PageRequest.first(20)), "query");
        expectField(() -> leads.search("  a \t b  ", PageRequest.first(20)), "query");
        expectField(() -> leads.search("x".repeat(201), PageRequest.first(20)), "query");
        expectField(() -> leads.search("Maria", null), "page");
        expectField(() -> leads.search("Maria", PageRequest.first(101)), "limit");
        expectField(() -> leads.search("Maria", new PageRequest(5, Optional.of(Cursor.of("created", "x", "y")))), "cursor");
        expectField(() -> leads.search("Maria", new PageRequest(5, Optional.of(Cursor.of("search", "abc", "y")))), "cursor");
        expectField(() -> leads.search("Maria", new PageRequest(5, Optional.of(Cursor.of("search", "2.5",
                maria.id())))), "cursor");
        assertThat(leads.search("Ma\u0000ria", PageRequest.first(5)).items()).as("a control character is a space").isNotNull();
        assertThat(leads.search("%_%", PageRequest.first(5)).items()).as("no wildcard meaning").isEmpty();
    }

    private static void expectField(Runnable call, String field) {
        Expect.field(field, call);
    }

    private static List<String> ids(List<LeadSearchResult> results) {
        return results.stream().map(r -> r.lead().id().toString()).toList();
    }
}
