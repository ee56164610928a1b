package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.BulkResult;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadSelection;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk move, assign, tag and delete over a filter or an id list: invariants, activities, totals, permissions, input. */
@CrmDatabaseTest
class LeadBulkIT {

    private static final String RECOUNT = """
            SELECT stage || ' ' || count(*) || ' ' || COALESCE(sum(estimated_value), 0)::numeric(20, 2)
              FROM crm.leads WHERE deleted_at IS NULL AND organization_id = ? GROUP BY stage ORDER BY 1""";
    private static final String MAINTAINED = """
            SELECT stage || ' ' || lead_count || ' ' || value_sum::numeric(20, 2)
              FROM crm.lead_stage_totals WHERE (lead_count <> 0 OR value_sum <> 0) AND organization_id = ? ORDER BY 1""";
    private static final String[] TABLES = {"leads", "lead_activities", "domain_events", "lead_stage_totals"};

    private static CrmTestDatabase db;
    private static TenancyFixture fx;
    private UserId owner;
    private UserId member;
    private UserId viewer;
    private Organization org;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        fx = new TenancyFixture(db.dataSource());
    }

    @BeforeEach
    void team() throws SQLException {
        owner = fx.user("bulk-owner");
        org = fx.organization(owner, "Bulk Co");
        member = fx.member(org, owner, Role.MEMBER, "bulk-member");
        viewer = fx.member(org, owner, Role.VIEWER, "bulk-viewer");
        professional(org.id());
    }

    private TenantScope as(UserId user) {
        return fx.scope(org.id(), user);
    }

    @Test
    void aFilteredMoveWalksEveryBatchKeepsThePipelineStateAndTheTotals() throws SQLException {
        seed(org.id(), 430, "'lead'", "false", "false", "NULL", "NULL", "ARRAY['bulk']");
        seed(org.id(), 20, "'closed'", "true", "true", "now()", "NULL", "ARRAY['bulk']");
        seed(org.id(), 10, "'closed'", "true", "false", "now()", "'price'", "ARRAY['bulk']");
        seed(org.id(), 15, "'contact'", "false", "false", "NULL", "NULL", "ARRAY['other']");
        seed(org.id(), 5, "'proposal'", "false", "false", "NULL", "NULL", "ARRAY['bulk']");

        BulkResult result = as(member).leads().bulkMove(LeadSelection.of(LeadFilter.all().tags("bulk")), Stage.PROPOSAL);

        assertThat(result).isEqualTo(new BulkResult(460, 5, 0, 0));
        assertThat(count("stage = 'proposal' AND NOT is_closed AND NOT is_won AND closed_at IS NULL"
                + " AND lost_reason IS NULL AND actual_value IS NULL")).isEqualTo(465);
        assertThat(count("stage = 'contact'")).isEqualTo(15);
        assertThat(activities("stage_changed")).isEqualTo(460);
        assertThat(activities("reopened")).isEqualTo(30);
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.lead_activities WHERE organization_id = ?"
                + " AND user_id = ? AND activity_type = 'stage_changed'", org.id().value(), member.value())).isEqualTo(460);
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.domain_events WHERE organization_id = ?"
                + " AND event_type = 'lead.stage_changed'", org.id().value())).isEqualTo(460);
        assertTotalsEqualARecount();
    }

    @Test
    void anIdListNeverTouchesAnotherOrganizationsLeadsAndCountsThemAsNotFound() throws SQLException {
        UserId stranger = fx.user("bulk-stranger");
        Organization other = fx.organization(stranger, "Other Co");
        Lead theirs = fx.scope(other.id(), stranger).leads().create(NewLead.named("Theirs").tags(List.of("keep")));
        List<LeadId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(as(owner).leads().create(NewLead.named("Ours " + i).estimatedValue(new BigDecimal("10.00"))).id());
        }
        List<LeadId> selection = new ArrayList<>(ids);
        selection.add(theirs.id());
        selection.add(new LeadId(UUID.randomUUID()));
        String theirRow = row(theirs.id());

        assertThat(as(owner).leads().bulkMove(LeadSelection.ids(selection), Stage.NEGOTIATION))
                .isEqualTo(new BulkResult(5, 0, 2, 0));
        assertThat(as(owner).leads().bulkAssign(LeadSelection.ids(selection), member))
                .isEqualTo(new BulkResult(5, 0, 2, 0));
        assertThat(as(owner).leads().bulkAssign(LeadSelection.ids(selection), member))
                .isEqualTo(new BulkResult(0, 5, 2, 0));
        assertThat(as(owner).leads().bulkTag(LeadSelection.ids(selection), List.of(" VIP "), List.of("keep")))
                .isEqualTo(new BulkResult(5, 0, 2, 0));
        assertThat(as(owner).leads().bulkDelete(LeadSelection.ids(selection.subList(3, 7))))
                .isEqualTo(new BulkResult(2, 0, 2, 0));

        assertThat(row(theirs.id())).isEqualTo(theirRow);
        assertThat(Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.lead_activities WHERE lead_id = ?",
                theirs.id().value())).isEqualTo(1);
        assertThat(fx.scope(other.id(), stranger).leads().get(theirs.id())).isEqualTo(theirs);
        Lead first = as(owner).leads().get(ids.get(0));
        assertThat(first.stage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(first.assignedUserId()).isEqualTo(member);
        assertThat(first.tags()).containsExactly("vip");
        assertThat(activities("assigned")).isEqualTo(5);
        assertThat(activities("tag_added")).isEqualTo(5);
        assertThat(activities("deleted")).isEqualTo(2);
        assertThat(count("true")).isEqualTo(3);
        assertTotalsEqualARecount();
    }

    @Test
    void permissionsAreThoseOfTheSingleLeadOperations() throws SQLException {
        Lead mine = as(owner).leads().create(NewLead.named("Mine").assignedTo(member));
        Lead notMine = as(owner).leads().create(NewLead.named("Not mine"));
        LeadSelection both = LeadSelection.ids(List.of(mine.id(), notMine.id()));
        List<String> before = Sql.snapshot(db.ownerDataSource(), TABLES);

        assertThatThrownBy(() -> as(viewer).leads().bulkMove(both, Stage.CONTACT)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(viewer).leads().bulkAssign(both, null)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(viewer).leads().bulkTag(both, List.of("x"), List.of()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(viewer).leads().bulkDelete(both)).isInstanceOf(PermissionDeniedException.class);
        assertThat(Sql.snapshot(db.ownerDataSource(), TABLES)).isEqualTo(before);

        assertThat(as(member).leads().bulkDelete(both)).isEqualTo(new BulkResult(1, 0, 0, 1));
        assertThat(as(owner).leads().get(notMine.id()).name()).isEqualTo("Not mine");
        Expect.code("lead.not_found", () -> as(owner).leads().get(mine.id()));
        assertThat(as(owner).leads().bulkDelete(LeadSelection.of(LeadFilter.all()))).isEqualTo(new BulkResult(1, 0, 0, 0));
        assertTotalsEqualARecount();
    }

    @Test
    void badInputIsRefusedByNameAndWritesNothing() throws SQLException {
        Lead lead = as(owner).leads().create(NewLead.named("Untouched"));
        LeadSelection one = LeadSelection.ids(List.of(lead.id()));
        UserId outsider = fx.user("bulk-outsider");
        List<String> before = Sql.snapshot(db.ownerDataSource(), TABLES);

        Expect.field("selection", () -> as(owner).leads().bulkMove(null, Stage.CONTACT));
        Expect.field("selection", () -> LeadSelection.of(null));
        Expect.field("ids", () -> LeadSelection.ids(List.of()));
        Expect.field("ids", () -> LeadSelection.ids(Collections.nCopies(1, (LeadId) null)));
        List<LeadId> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(new LeadId(UUID.randomUUID()));
        }
        Expect.field("ids", () -> LeadSelection.ids(tooMany));
        Expect.field("stage", () -> as(owner).leads().bulkMove(one, Stage.CLOSED));
        Expect.field("stage", () -> as(owner).leads().bulkMove(one, null));
        Expect.field("maxValue", () -> as(owner).leads().bulkMove(LeadSelection.of(
                LeadFilter.all().value(BigDecimal.TEN, BigDecimal.ONE)), Stage.CONTACT));
        Expect.field("assignedUserId", () -> as(owner).leads().bulkAssign(one, outsider));
        Expect.field("add", () -> as(owner).leads().bulkTag(one, List.of(), List.of()));
        Expect.field("add", () -> as(owner).leads().bulkTag(one, null, List.of()));
        Expect.field("remove", () -> as(owner).leads().bulkTag(one, List.of("a"), List.of("a")));
        Expect.field("add", () -> as(owner).leads().bulkTag(one, List.of("x".repeat(200)), List.of()));
        Expect.field("selection", () -> as(owner).leads().bulkDelete(null));

        assertThat(Sql.snapshot(db.ownerDataSource(), TABLES)).isEqualTo(before);
    }

    private void assertTotalsEqualARecount() throws SQLException {
        assertThat(Sql.strings(db.ownerDataSource(), MAINTAINED, org.id().value()))
                .isEqualTo(Sql.strings(db.ownerDataSource(), RECOUNT, org.id().value()));
    }

    private static String row(LeadId id) throws SQLException {
        return Sql.string(db.ownerDataSource(), "SELECT t::text FROM crm.leads t WHERE id = ?", id.value());
    }

    private long count(String where) throws SQLException {
        return Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.leads WHERE organization_id = ? AND deleted_at IS NULL AND "
                + where, org.id().value());
    }

    private long activities(String type) throws SQLException {
        return Sql.number(db.ownerDataSource(), "SELECT count(*) FROM crm.lead_activities WHERE organization_id = ?"
                + " AND activity_type = ?", org.id().value(), type);
    }

    static void professional(OrganizationId org) throws SQLException {
        execute("""
                INSERT INTO crm.organization_subscriptions (organization_id, id, plan_id, status, is_active)
                SELECT ?, gen_random_uuid(), id, 'active', true FROM crm.plans WHERE slug = 'professional'""", org.value());
    }

    /** Leads written directly as the schema owner (the totals triggers run), all with one creation time. */
    private static void seed(OrganizationId org, int count, String stage, String closed, String won, String closedAt,
            String reason, String tags) throws SQLException {
        execute("INSERT INTO crm.leads (organization_id, id, name, stage, is_closed, is_won, closed_at, lost_reason,"
                + " actual_value, estimated_value, tags) SELECT ?, gen_random_uuid(), 'Seeded ' || n, " + stage + ", "
                + closed + ", " + won + ", " + closedAt + ", " + reason + ", " + ("true".equals(won) ? "12.50" : "NULL")
                + ", (n % 7) * 100.25, " + tags + " FROM generate_series(1, ?) AS n", org.value(), count);
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.ownerDataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
