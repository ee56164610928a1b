package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.activity.ActivityFilter;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.LeadPatch;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input for every public method of the lead and activity services: a ValidationException naming the field, nothing written. */
@CrmDatabaseTest
class LeadBadInputIT {

    private static final String[] TABLES = {"leads", "lead_activities", "domain_events", "organizations"};
    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private static TenantScope scope;
    private static LeadId lead;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
        UserId owner = fx.user("bad-input");
        Organization org = fx.organization(owner, "Bad Input Co");
        fx.member(org, owner, Role.MEMBER, "bad-input-member");
        scope = fx.scope(org.id(), owner);
        lead = scope.leads().create(NewLead.named("Existing")).id();
    }

    @Test
    void createRefusesEveryBadFieldByNameAndWritesNothing() throws SQLException {
        List<String> before = snapshot();
        Map<String, Object> nested = new HashMap<>();
        nested.put("big", "x".repeat(17 * 1024));

        Expect.field("lead", () -> scope.leads().create(null));
        Expect.field("name", () -> scope.leads().create(NewLead.named(null)));
        Expect.field("name", () -> scope.leads().create(NewLead.named("   ")));
        Expect.field("name", () -> scope.leads().create(NewLead.named("x".repeat(256))));
        Expect.field("name", () -> scope.leads().create(NewLead.named("Nu\u0000l")));
        Expect.field("name", () -> scope.leads().create(NewLead.named("two\nlines")));
        Expect.field("email", () -> scope.leads().create(NewLead.named("A").email("not-an-email")));
        Expect.field("email", () -> scope.leads().create(NewLead.named("A").email("a\u0000@x.com")));
        Expect.field("phone", () -> scope.leads().create(NewLead.named("A").phone("1".repeat(51))));
        Expect.field("phone", () -> scope.leads().create(NewLead.named("A").phone("11 \uD800 9999")));
        Expect.field("company", () -> scope.leads().create(NewLead.named("A").company("c".repeat(256))));
        Expect.field("position", () -> scope.leads().create(NewLead.named("A").position("p\u0007")));
        Expect.field("source", () -> scope.leads().create(NewLead.named("A").source("s".repeat(101))));
        Expect.field("estimatedValue", () -> scope.leads().create(NewLead.named("A").estimatedValue(new BigDecimal("-1"))));
        Expect.field("estimatedValue", () -> scope.leads().create(NewLead.named("A").estimatedValue(new BigDecimal("0.001"))));
        Expect.field("estimatedValue", () -> scope.leads().create(NewLead.named("A").estimatedValue(new BigDecimal("1e10"))));
        Expect.field("notes", () -> scope.leads().create(NewLead.named("A").notes("n".repeat(10_001))));
        Expect.field("notes", () -> scope.leads().create(NewLead.named("A").notes("nul \u0000")));
        Expect.field("tags", () -> scope.leads().create(NewLead.named("A").tags(Arrays.asList("ok", null))));
        Expect.field("tags", () -> scope.leads().create(NewLead.named("A").tags(List.of("t".repeat(51)))));
        Expect.field("tags", () -> scope.leads().create(NewLead.named("A").tags(tags(21))));
        Expect.field("metadata", () -> scope.leads().create(NewLead.named("A").metadata(nested)));
        Expect.field("metadata", () -> scope.leads().create(NewLead.named("A").metadata(Map.of("k", "nul\u0000"))));
        Expect.field("assignedUserId", () -> scope.leads().create(NewLead.named("A").assignedTo(UserId.generate())));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyOtherMethodRefusesBadInputByNameAndWritesNothing() throws SQLException {
        List<String> before = snapshot();
        String foreignCursor = Cursor.of("somewhere-else", "2020-01-01T00:00:00Z", LeadId.generate()).toString();
        String brokenCursor = Cursor.of("created", "yesterday", "not-a-uuid").toString();

        Expect.field("leadId", () -> scope.leads().get(null));
        Expect.field("page", () -> scope.leads().list((PageRequest) null));
        Expect.field("order", () -> scope.leads().list(null, PageRequest.first(10)));
        Expect.field("limit", () -> scope.leads().list(PageRequest.first(101)));
        Expect.field("cursor", () -> scope.leads().list(PageRequest.after(foreignCursor, 10)));
        Expect.field("cursor", () -> scope.leads().list(LeadOrder.UPDATED_DESC, PageRequest.after(brokenCursor, 10)));
        Expect.field("leadId", () -> scope.leads().patch(null, new LeadPatch().name("x")));
        Expect.field("patch", () -> scope.leads().patch(lead, null));
        Expect.field("name", () -> scope.leads().patch(lead, new LeadPatch().name(null)));
        Expect.field("priority", () -> scope.leads().patch(lead, new LeadPatch().priority(null)));
        Expect.field("email", () -> scope.leads().patch(lead, new LeadPatch().email("bad")));
        Expect.field("estimatedValue", () -> scope.leads().patch(lead, new LeadPatch().estimatedValue(new BigDecimal("-5"))));
        Expect.field("notes", () -> scope.leads().patch(lead, new LeadPatch().notes("\u0000")));
        Expect.field("leadId", () -> scope.leads().delete(null));
        Expect.field("leadId", () -> scope.leads().favorite(null));
        Expect.field("leadId", () -> scope.leads().unfavorite(null));
        Expect.field("leadId", () -> scope.leads().assign(null, UserId.generate()));
        Expect.field("assignedUserId", () -> scope.leads().assign(lead, null));
        Expect.field("assignedUserId", () -> scope.leads().assign(lead, UserId.generate()));
        Expect.field("leadId", () -> scope.leads().unassign(null));
        Expect.field("tags", () -> scope.leads().addTags(lead, null));
        Expect.field("tags", () -> scope.leads().addTags(lead, List.of(" ")));
        Expect.field("tags", () -> scope.leads().addTags(lead, tags(21)));
        Expect.field("tags", () -> scope.leads().removeTags(lead, Collections.singletonList(null)));
        Expect.field("leadId", () -> scope.leads().addTags(null, List.of("a")));
        Expect.field("stage", () -> scope.leads().moveToStage(lead, null));
        Expect.field("stage", () -> scope.leads().moveToStage(lead, Stage.CLOSED));
        Expect.field("leadId", () -> scope.leads().closeAsWon(null));
        Expect.field("actualValue", () -> scope.leads().closeAsWon(lead, new BigDecimal("-0.01")));
        Expect.field("actualValue", () -> scope.leads().closeAsWon(lead, new BigDecimal("1.234")));
        Expect.field("reason", () -> scope.leads().closeAsLost(lead, null));
        Expect.field("reason", () -> scope.leads().closeAsLost(lead, " "));
        Expect.field("reason", () -> scope.leads().closeAsLost(lead, "r".repeat(1001)));
        Expect.field("stage", () -> scope.leads().reopen(lead, Stage.CLOSED));
        Expect.field("stage", () -> scope.leads().reopen(lead, null));
        Expect.field("leadId", () -> scope.activities().forLead(null, ActivityFilter.all(), PageRequest.first(10)));
        Expect.field("filter", () -> scope.activities().forLead(lead, null, PageRequest.first(10)));
        Expect.field("page", () -> scope.activities().forLead(lead, ActivityFilter.all(), null));
        Expect.field("limit", () -> scope.activities().forOrganization(ActivityFilter.all(), PageRequest.first(101)));
        Expect.field("cursor", () -> scope.activities().forOrganization(ActivityFilter.all(),
                new PageRequest(10, Optional.of(Cursor.parse(foreignCursor)))));

        assertThat(snapshot()).isEqualTo(before);
    }

    private static List<String> tags(int count) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add("tag" + i);
        }
        return tags;
    }

    private static List<String> snapshot() throws SQLException {
        return Sql.snapshot(db.ownerDataSource(), TABLES);
    }
}
