package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV export of a filtered list: header, RFC 4180 quoting, neutralised formula cells, streamed keyset pages. */
@CrmDatabaseTest
class LeadExportIT {

    private static final String HEADER = "id,name,email,phone,company,position,stage,source,priority,estimated_value,"
            + "actual_value,closed,won,lost_reason,favorite,assigned_user_id,tags,notes,created_at,updated_at,closed_at";

    private static CrmTestDatabase db;
    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void theExportQuotesAndNeutralisesCellsAndHonoursTheFilter() throws IOException {
        UserId owner = fx.user("export-owner");
        Organization org = fx.organization(owner, "Export Co");
        TenantScope scope = fx.scope(org.id(), owner);
        Lead formula = scope.leads().create(NewLead.named("=HYPERLINK(\"http://evil\",\"x\")").company("+55 Corp")
                .position("-1").notes("@SUM(A1)").priority(Priority.URGENT).estimatedValue(new BigDecimal("1234.5")));
        Lead quoted = scope.leads().create(NewLead.named("Ana \"Aninha\" Souza, Jr.").notes("line one\r\nline two")
                .company("Tabbed").tags(List.of("vip", "quente")).priority(Priority.URGENT));
        scope.leads().create(NewLead.named("Not urgent").priority(Priority.LOW));
        UserId stranger = fx.user("export-stranger");
        fx.scope(fx.organization(stranger, "Other").id(), stranger).leads().create(NewLead.named("Theirs")
                .priority(Priority.URGENT));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long written = scope.leads().exportCsv(LeadFilter.all().priorities(Priority.URGENT), bytes);
        String csv = bytes.toString(StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(2);
        assertThat(csv).startsWith(HEADER + "\r\n");
        assertThat(csv).doesNotContain("Not urgent").doesNotContain("Theirs");
        assertThat(csv).contains(formula.id() + ",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,'+55 Corp,'-1,lead,web,urgent,"
                + "1234.50,,false,false,,false,,,'@SUM(A1),");
        assertThat(csv).contains(quoted.id() + ",\"Ana \"\"Aninha\"\" Souza, Jr.\",,,Tabbed,,lead,web,urgent,,,false,"
                + "false,,false,,vip;quente,\"line one\r\nline two\",");
        // newest first: the second lead comes before the first
        assertThat(csv.indexOf(quoted.id().toString())).isLessThan(csv.indexOf(formula.id().toString()));
        assertThat(csv.split("\r\n", -1)).hasSize(1 + 3 + 1);

        Expect.field("minValue", () -> scope.leads().exportCsv(LeadFilter.all().value(new BigDecimal("-1"), null),
                new StringWriter()));
        Expect.field("out", () -> scope.leads().exportCsv(LeadFilter.all(), (Writer) null));
    }

    @Test
    void fiveThousandLeadsAreStreamedInPagesWithoutDuplicatesOrGaps() throws SQLException {
        UserId owner = fx.user("export-big");
        Organization org = fx.organization(owner, "Big Export Co");
        try (Connection c = db.ownerDataSource().getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO crm.organization_subscriptions (organization_id, id, plan_id, status, is_active)
                    SELECT ?, gen_random_uuid(), id, 'active', true FROM crm.plans WHERE slug = 'professional'""")) {
                s.setObject(1, org.id().value());
                s.executeUpdate();
            }
            // two creation times, so pages cross ties on created_at and are ordered by id within them
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO crm.leads (organization_id, id, name, created_at)
                    SELECT ?, gen_random_uuid(), 'Seeded ' || n, now() - (n % 2) * interval '1 hour'
                      FROM generate_series(1, 5000) AS n""")) {
                s.setObject(1, org.id().value());
                s.executeUpdate();
            }
        }
        Set<String> ids = new HashSet<>();
        int[] flushes = {0};
        StringBuilder all = new StringBuilder();
        Writer counting = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                all.append(cbuf, off, len);
            }

            @Override
            public void flush() {
                flushes[0]++;
            }

            @Override
            public void close() {
            }
        };

        long written = fx.scope(org.id(), owner).leads().exportCsv(LeadFilter.all(), counting);

        assertThat(written).isEqualTo(5000);
        String[] lines = all.toString().split("\r\n");
        assertThat(lines).hasSize(5001);
        for (int i = 1; i < lines.length; i++) {
            ids.add(lines[i].substring(0, lines[i].indexOf(',')));
        }
        assertThat(ids).hasSize(5000);
        assertThat(flushes[0]).isEqualTo(1);
    }
}
