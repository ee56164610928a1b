package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.Kanban;
import dev.lovedcrm.crm.lead.KanbanCard;
import dev.lovedcrm.crm.lead.KanbanColumn;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.LeadPatch;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.lead.StageSettings;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kanban as a host uses it: one call for the board, columns paged on, filters, rotting, stage settings. */
@CrmDatabaseTest
class KanbanIT {

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
    void team() {
        owner = fx.user("kanban-owner");
        org = fx.organization(owner, "Kanban Co");
        member = fx.member(org, owner, Role.MEMBER, "kanban-member");
        viewer = fx.member(org, owner, Role.VIEWER, "kanban-viewer");
    }

    private TenantScope as(UserId user) {
        return fx.scope(org.id(), user);
    }

    private Lead lead(String name, String value) {
        return as(member).leads().create(NewLead.named(name).estimatedValue(value == null ? null : new BigDecimal(value)));
    }

    @Test
    void oneCallGivesEveryColumnItsFirstCardsExactCountsAndSums() {
        List<Lead> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fresh.add(lead("Novo " + i, "100.00"));
        }
        Lead proposal = as(member).leads().moveToStage(lead("Proposta", "1000.50").id(), Stage.PROPOSAL);
        Lead won = as(member).leads().closeAsWon(lead("Ganho", "300").id());
        as(member).leads().closeAsLost(lead("Perdido", null).id(), "preço");
        as(owner).leads().delete(lead("Apagado", "999").id());

        Kanban board = as(viewer).leads().kanban(LeadFilter.all(), 3);

        assertThat(board.columns()).extracting(KanbanColumn::stage).containsExactly(Stage.values());
        KanbanColumn leads = board.column(Stage.LEAD);
        assertThat(leads.label()).isEqualTo("Lead");
        assertThat(leads.count()).isEqualTo(5);
        assertThat(leads.value()).isEqualByComparingTo("500.00");
        assertThat(leads.weightedValue()).isEqualByComparingTo("50.00");
        assertThat(leads.cards().items()).extracting(c -> c.lead().name()).containsExactly("Novo 4", "Novo 3", "Novo 2");
        assertThat(leads.cards().nextCursor()).isPresent();
        assertThat(board.column(Stage.CONTACT).count()).isZero();
        assertThat(board.column(Stage.CONTACT).cards().items()).isEmpty();
        assertThat(board.column(Stage.PROPOSAL).count()).isEqualTo(1);
        assertThat(board.column(Stage.PROPOSAL).weightedValue()).isEqualByComparingTo("500.25");
        assertThat(board.column(Stage.PROPOSAL).cards().items()).extracting(c -> c.lead().id()).containsExactly(proposal.id());
        KanbanColumn closed = board.column(Stage.CLOSED);
        assertThat(closed.count()).isEqualTo(2);
        assertThat(closed.value()).isEqualByComparingTo("300.00");
        assertThat(closed.cards().items()).extracting(c -> c.lead().id()).contains(won.id());
        assertThat(board.count()).isEqualTo(8);
        assertThat(board.openWeightedValue()).isEqualByComparingTo("550.25");

        Page<KanbanCard> next = as(viewer).leads().kanbanColumn(Stage.LEAD, LeadFilter.all(),
                PageRequest.after(leads.cards().nextCursor().orElseThrow().toString(), 3));
        assertThat(next.items()).extracting(c -> c.lead().name()).containsExactly("Novo 1", "Novo 0");
        assertThat(next.nextCursor()).isEmpty();

        // A cursor belongs to its column.
        Expect.field("cursor", () -> as(viewer).leads().kanbanColumn(Stage.CONTACT, LeadFilter.all(),
                PageRequest.after(leads.cards().nextCursor().orElseThrow().toString(), 3)));
        // A changed lead comes first in its column.
        as(member).leads().patch(fresh.get(0).id(), new LeadPatch().notes("ligar"));
        assertThat(as(viewer).leads().kanban(LeadFilter.all(), 1).column(Stage.LEAD).cards().items())
                .extracting(c -> c.lead().id()).containsExactly(fresh.get(0).id());
    }

    @Test
    void aFilteredBoardCountsOnlyTheMatchingLeads() {
        Lead mine = as(member).leads().create(NewLead.named("Minha").assignedTo(member).priority(Priority.URGENT)
                .estimatedValue(new BigDecimal("10")).company("Acme Ltda").tags(List.of("vip")));
        as(member).leads().create(NewLead.named("Outra").priority(Priority.URGENT).estimatedValue(new BigDecimal("20")));
        Lead third = as(member).leads().create(NewLead.named("Terceira").assignedTo(member).estimatedValue(new BigDecimal("40")));
        as(member).leads().moveToStage(third.id(), Stage.NEGOTIATION);

        Kanban byMember = as(viewer).leads().kanban(LeadFilter.all().assignedTo(member), 10);
        assertThat(byMember.column(Stage.LEAD).count()).isEqualTo(1);
        assertThat(byMember.column(Stage.LEAD).value()).isEqualByComparingTo("10");
        assertThat(byMember.column(Stage.NEGOTIATION).count()).isEqualTo(1);
        assertThat(byMember.column(Stage.NEGOTIATION).weightedValue()).isEqualByComparingTo("30.00");
        assertThat(byMember.count()).isEqualTo(2);

        Kanban urgent = as(viewer).leads().kanban(LeadFilter.all().priorities(Priority.URGENT), 10);
        assertThat(urgent.column(Stage.LEAD).count()).isEqualTo(2);
        assertThat(urgent.column(Stage.LEAD).value()).isEqualByComparingTo("30");
        assertThat(urgent.column(Stage.NEGOTIATION).count()).isZero();

        assertThat(as(viewer).leads().kanban(LeadFilter.all().unassigned(true), 10).count()).isEqualTo(1);
        assertThat(as(viewer).leads().kanban(LeadFilter.all().text("acme"), 10).column(Stage.LEAD).cards().items())
                .extracting(c -> c.lead().id()).containsExactly(mine.id());
        assertThat(as(viewer).leads().kanban(LeadFilter.all().text("%"), 10).count()).isZero();
        assertThat(as(viewer).leads().kanban(LeadFilter.all().tags("VIP"), 10).count()).isEqualTo(1);
        assertThat(as(viewer).leads().kanban(LeadFilter.all().value(new BigDecimal("15"), new BigDecimal("40")), 10).count())
                .isEqualTo(2);
        Kanban onlyNegotiation = as(viewer).leads().kanban(LeadFilter.all().stages(Stage.NEGOTIATION), 10);
        assertThat(onlyNegotiation.column(Stage.LEAD).count()).isZero();
        assertThat(onlyNegotiation.column(Stage.LEAD).cards().items()).isEmpty();
        assertThat(onlyNegotiation.column(Stage.NEGOTIATION).count()).isEqualTo(1);

        // The same filter pages the list.
        Page<Lead> first = as(viewer).leads().list(LeadFilter.all().assignedTo(member), LeadOrder.UPDATED_DESC, PageRequest.first(1));
        assertThat(first.items()).extracting(Lead::id).containsExactly(third.id());
        Page<Lead> second = as(viewer).leads().list(LeadFilter.all().assignedTo(member), LeadOrder.UPDATED_DESC,
                PageRequest.after(first.nextCursor().orElseThrow().toString(), 1));
        assertThat(second.items()).extracting(Lead::id).containsExactly(mine.id());
        assertThat(as(viewer).leads().list(LeadFilter.all().priorities(Priority.URGENT), LeadOrder.CREATED_DESC,
                PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    void leadsWithoutActivityBeyondTheirStagesThresholdAreRotting() {
        TenancyFixture timed = new TenancyFixture(db.dataSource());
        UserId boss = timed.user("rot-owner");
        Organization rot = timed.organization(boss, "Rotting Co");
        TenantScope scope = timed.scope(rot.id(), boss);
        Lead quiet = scope.leads().create(NewLead.named("Parado"));
        Lead proposal = scope.leads().moveToStage(scope.leads().create(NewLead.named("Proposta")).id(), Stage.PROPOSAL);
        scope.leads().closeAsLost(scope.leads().create(NewLead.named("Perdido")).id(), "sumiu");

        assertThat(scope.leads().kanban(LeadFilter.all().rotting(true), 10).count()).isZero();

        timed.clock.advance(Duration.ofDays(8));     // past the lead stage's 7 days, not the proposal's 14
        Kanban board = scope.leads().kanban(LeadFilter.all(), 10);
        assertThat(board.column(Stage.LEAD).cards().items()).singleElement().satisfies(c -> assertThat(c.rotting()).isTrue());
        assertThat(board.column(Stage.PROPOSAL).cards().items()).singleElement().satisfies(c -> assertThat(c.rotting()).isFalse());
        assertThat(board.column(Stage.CLOSED).cards().items()).singleElement().satisfies(c -> assertThat(c.rotting()).isFalse());
        Kanban rotting = scope.leads().kanban(LeadFilter.all().rotting(true), 10);
        assertThat(rotting.count()).isEqualTo(1);
        assertThat(rotting.column(Stage.LEAD).cards().items()).extracting(c -> c.lead().id()).containsExactly(quiet.id());
        assertThat(scope.leads().kanban(LeadFilter.all().rotting(false), 10).count()).isEqualTo(2);

        // A shorter threshold makes the proposal rot too; no threshold means never.
        scope.leads().updateStageSettings(scope.leads().stageSettings().withRottingDays(Stage.PROPOSAL, 5)
                .withRottingDays(Stage.LEAD, null));
        assertThat(scope.leads().kanban(LeadFilter.all().rotting(true), 10).column(Stage.PROPOSAL).cards().items())
                .extracting(c -> c.lead().id()).containsExactly(proposal.id());
        assertThat(scope.leads().kanban(LeadFilter.all().rotting(true), 10).column(Stage.LEAD).count()).isZero();
    }

    @Test
    void stageSettingsAreTheOrganizationsAndOnlyAdminsChangeThem() throws SQLException {
        assertThat(as(viewer).leads().stageSettings()).isEqualTo(StageSettings.defaults());
        lead("Valor", "200");

        StageSettings changed = as(owner).leads().updateStageSettings(StageSettings.defaults()
                .withLabel(Stage.LEAD, "  Entrada ").withWinProbability(Stage.LEAD, 40).withRottingDays(Stage.CONTACT, 3));
        assertThat(changed.of(Stage.LEAD).label()).isEqualTo("Entrada");
        assertThat(as(viewer).leads().stageSettings()).isEqualTo(changed);
        KanbanColumn column = as(viewer).leads().kanban(LeadFilter.all(), 5).column(Stage.LEAD);
        assertThat(column.label()).isEqualTo("Entrada");
        assertThat(column.weightedValue()).isEqualByComparingTo("80.00");
        assertThat(fx.eventTypes()).contains("organization.updated");

        // The other settings of the organization stay as they were.
        as(owner).organization().update(new dev.lovedcrm.crm.organization.OrganizationPatch(null, null, null, null, null,
                null, java.util.Map.of("theme", "dark", "pipeline", java.util.Map.of("stages", java.util.Map.of(
                        "lead", java.util.Map.of("label", "Entrada", "winProbability", 40))))));
        as(owner).leads().updateStageSettings(as(owner).leads().stageSettings().withWinProbability(Stage.CLOSED, 90));
        assertThat(Sql.string(db.ownerDataSource(), "SELECT settings ->> 'theme' FROM crm.organizations WHERE id = ?",
                org.id().value())).isEqualTo("dark");
        assertThat(as(viewer).leads().stageSettings().of(Stage.CLOSED).winProbability()).isEqualTo(90);

        assertThatThrownBy(() -> as(member).leads().updateStageSettings(StageSettings.defaults()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(viewer).leads().updateStageSettings(StageSettings.defaults()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() throws SQLException {
        lead("Existe", "1");
        String[] tables = {"leads", "lead_activities", "lead_stage_totals", "organizations", "domain_events"};
        List<String> before = Sql.snapshot(db.ownerDataSource(), tables);
        String foreign = Cursor.of("created", "2020-01-01T00:00:00Z", LeadId.generate()).toString();

        Expect.field("filter", () -> as(owner).leads().kanban(null, 10));
        Expect.field("cardsPerColumn", () -> as(owner).leads().kanban(LeadFilter.all(), 0));
        Expect.field("cardsPerColumn", () -> as(owner).leads().kanban(LeadFilter.all(), 101));
        Expect.field("maxValue", () -> as(owner).leads().kanban(
                LeadFilter.all().value(new BigDecimal("5"), new BigDecimal("1")), 10));
        Expect.field("won", () -> as(owner).leads().kanban(LeadFilter.all().won(true).closed(false), 10));
        Expect.field("text", () -> as(owner).leads().kanban(LeadFilter.all().text("a\u0000"), 10));
        Expect.field("stage", () -> as(owner).leads().kanbanColumn(null, LeadFilter.all(), PageRequest.first(10)));
        Expect.field("filter", () -> as(owner).leads().kanbanColumn(Stage.LEAD, null, PageRequest.first(10)));
        Expect.field("page", () -> as(owner).leads().kanbanColumn(Stage.LEAD, LeadFilter.all(), null));
        Expect.field("limit", () -> as(owner).leads().kanbanColumn(Stage.LEAD, LeadFilter.all(), PageRequest.first(101)));
        Expect.field("cursor", () -> as(owner).leads().kanbanColumn(Stage.LEAD, LeadFilter.all(), PageRequest.after(foreign, 10)));
        Expect.field("filter", () -> as(owner).leads().list(null, LeadOrder.CREATED_DESC, PageRequest.first(10)));
        Expect.field("order", () -> as(owner).leads().list(LeadFilter.all(), null, PageRequest.first(10)));
        Expect.field("limit", () -> as(owner).leads().list(LeadFilter.all(), LeadOrder.CREATED_DESC, PageRequest.first(101)));
        Expect.field("createdTo", () -> as(owner).leads().list(LeadFilter.all().created(java.time.Instant.EPOCH,
                java.time.Instant.EPOCH), LeadOrder.CREATED_DESC, PageRequest.first(10)));
        Expect.field("settings", () -> as(owner).leads().updateStageSettings(null));
        Expect.field("stages.lead.winProbability", () -> as(owner).leads().updateStageSettings(
                StageSettings.defaults().withWinProbability(Stage.LEAD, -1)));
        Expect.field("stages.closed.rottingDays", () -> as(owner).leads().updateStageSettings(
                StageSettings.defaults().withRottingDays(Stage.CLOSED, 1)));
        Expect.field("stages.contact.label", () -> as(owner).leads().updateStageSettings(
                StageSettings.defaults().withLabel(Stage.CONTACT, "two\nlines")));

        assertThat(Sql.snapshot(db.ownerDataSource(), tables)).isEqualTo(before);
    }
}
