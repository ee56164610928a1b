package dev.lovedcrm.crm.it.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.activity.Activity;
import dev.lovedcrm.crm.activity.ActivityFilter;
import dev.lovedcrm.crm.activity.ActivityType;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.LeadPatch;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lead service as a host uses it: create, read, change, move, close, delete, with its timeline and events. */
@CrmDatabaseTest
class LeadsIT {

    private static TenancyFixture fx;
    private UserId owner;
    private UserId admin;
    private UserId member;
    private UserId viewer;
    private Organization org;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        fx = new TenancyFixture(db.dataSource());
    }

    @BeforeEach
    void team() {
        owner = fx.user("owner");
        org = fx.organization(owner, "Pipeline Co");
        admin = fx.member(org, owner, Role.ADMIN, "admin");
        member = fx.member(org, owner, Role.MEMBER, "member");
        viewer = fx.member(org, owner, Role.VIEWER, "viewer");
    }

    private TenantScope as(UserId user) {
        return fx.scope(org.id(), user);
    }

    @Test
    void createNormalisesTheInputAndAppliesTheDefaults() {
        Lead lead = as(member).leads().create(NewLead.named("  Maria Souza ").email(" Maria@Exemplo.COM.br")
                .phone("(11) 91234-5678").company("Exemplo").estimatedValue(new BigDecimal("1500.5"))
                .tags(List.of(" VIP", "vip ", "Quente")).metadata(Map.of("utm", "google")).assignedTo(member));

        assertThat(lead.name()).isEqualTo("Maria Souza");
        assertThat(lead.email()).isEqualTo("maria@exemplo.com.br");
        assertThat(lead.phone()).isEqualTo("+5511912345678");
        assertThat(lead.source()).isEqualTo("web");
        assertThat(lead.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(lead.stage()).isEqualTo(Stage.LEAD);
        assertThat(lead.estimatedValue()).isEqualTo(new BigDecimal("1500.50"));
        assertThat(lead.tags()).containsExactly("vip", "quente");
        assertThat(lead.metadata()).containsEntry("utm", "google");
        assertThat(lead.assignedUserId()).isEqualTo(member);
        assertThat(lead.closed()).isFalse();
        assertThat(lead.createdAt()).isNotNull();
        assertThat(as(viewer).leads().get(lead.id())).isEqualTo(lead);
        assertThat(fx.eventTypes()).contains("lead.created");
        assertThat(timeline(lead.id())).extracting(Activity::type).containsExactly(ActivityType.CREATED);
        assertThat(timeline(lead.id()).get(0).userId()).isEqualTo(member);

        Lead raw = as(member).leads().create(NewLead.named("Sem DDD").phone("ramal 42").priority(Priority.URGENT).source("referral"));
        assertThat(raw.phone()).isEqualTo("ramal 42");
        assertThat(raw.priority()).isEqualTo(Priority.URGENT);
        assertThat(raw.source()).isEqualTo("referral");
    }

    @Test
    void anotherOrganizationsLeadIsNotFoundForEveryOperation() {
        UserId stranger = fx.user("stranger");
        Organization other = fx.organization(stranger, "Other Co");
        LeadId theirs = fx.scope(other.id(), stranger).leads().create(NewLead.named("Theirs")).id();

        for (Runnable call : List.<Runnable>of(
                () -> as(owner).leads().get(theirs),
                () -> as(owner).leads().patch(theirs, new LeadPatch().name("Mine")),
                () -> as(owner).leads().delete(theirs),
                () -> as(member).leads().delete(theirs),
                () -> as(owner).leads().favorite(theirs),
                () -> as(owner).leads().assign(theirs, owner),
                () -> as(owner).leads().unassign(theirs),
                () -> as(owner).leads().addTags(theirs, List.of("x")),
                () -> as(owner).leads().removeTags(theirs, List.of("x")),
                () -> as(owner).leads().moveToStage(theirs, Stage.CONTACT),
                () -> as(owner).leads().closeAsWon(theirs),
                () -> as(owner).leads().closeAsLost(theirs, "no"),
                () -> as(owner).leads().reopen(theirs, Stage.LEAD),
                () -> as(owner).activities().forLead(theirs, ActivityFilter.all(), PageRequest.first(10)))) {
            Expect.code("lead.not_found", call);
        }
        assertThat(fx.scope(other.id(), stranger).leads().get(theirs).name()).isEqualTo("Theirs");
        assertThat(as(owner).leads().list().items()).extracting(Lead::id).doesNotContain(theirs);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndLogsEachChange() {
        Lead lead = as(member).leads().create(NewLead.named("Ana").email("ana@x.com").company("Old"));

        Lead patched = as(member).leads().patch(lead.id(), new LeadPatch().email("ANA@novo.com").company(null)
                .estimatedValue(new BigDecimal("10")).name("Ana"));

        assertThat(patched.email()).isEqualTo("ana@novo.com");
        assertThat(patched.company()).isNull();
        assertThat(patched.estimatedValue()).isEqualTo(new BigDecimal("10.00"));
        assertThat(patched.name()).isEqualTo("Ana");
        assertThat(patched.source()).isEqualTo("web");
        assertThat(patched.updatedAt()).isAfterOrEqualTo(lead.updatedAt());
        List<Activity> changes = as(member).activities().forLead(lead.id(), ActivityFilter.only(ActivityType.FIELD_CHANGED),
                PageRequest.first(10)).items();
        assertThat(changes).extracting(a -> a.metadata().get("field")).containsExactlyInAnyOrder("email", "company", "estimatedValue");
        assertThat(changes).filteredOn(a -> "email".equals(a.metadata().get("field")))
                .singleElement().satisfies(a -> {
                    assertThat(a.oldValue()).isEqualTo("ana@x.com");
                    assertThat(a.newValue()).isEqualTo("ana@novo.com");
                });
        assertThat(fx.eventTypes()).contains("lead.updated");

        Lead same = as(member).leads().patch(lead.id(), new LeadPatch().email("ana@novo.com"));
        assertThat(same).isEqualTo(patched);
        assertThat(as(member).leads().patch(lead.id(), new LeadPatch())).isEqualTo(patched);
    }

    @Test
    void thePipelineMovesClosesAndReopensWithItsActivitiesAndEvents() {
        Lead lead = as(member).leads().create(NewLead.named("Deal").estimatedValue(new BigDecimal("5000")));

        as(member).leads().moveToStage(lead.id(), Stage.CONTACT);
        Lead proposal = as(member).leads().moveToStage(lead.id(), Stage.PROPOSAL);
        assertThat(proposal.stage()).isEqualTo(Stage.PROPOSAL);
        assertThat(proposal.stage().label()).isEqualTo("Proposta");
        Expect.field("stage", () -> as(member).leads().moveToStage(lead.id(), Stage.CLOSED));

        Lead won = as(member).leads().closeAsWon(lead.id());
        assertThat(won.stage()).isEqualTo(Stage.CLOSED);
        assertThat(won.closed()).isTrue();
        assertThat(won.won()).isTrue();
        assertThat(won.closedAt()).isNotNull();
        assertThat(won.actualValue()).isEqualTo(new BigDecimal("5000.00"));
        Expect.code("lead.already_closed", () -> as(member).leads().closeAsLost(lead.id(), "late"));

        Lead reopened = as(member).leads().reopen(lead.id(), Stage.NEGOTIATION);
        assertThat(reopened.stage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(reopened.closed()).isFalse();
        assertThat(reopened.won()).isFalse();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.actualValue()).isNull();
        Expect.code("lead.not_closed", () -> as(member).leads().reopen(lead.id(), Stage.LEAD));

        Lead lost = as(member).leads().closeAsLost(lead.id(), "preço alto");
        assertThat(lost.won()).isFalse();
        assertThat(lost.lostReason()).isEqualTo("preço alto");
        Lead movedOut = as(member).leads().moveToStage(lead.id(), Stage.LEAD);
        assertThat(movedOut.closed()).isFalse();
        assertThat(movedOut.lostReason()).isNull();
        Lead wonAt = as(member).leads().closeAsWon(lead.id(), new BigDecimal("4200.10"));
        assertThat(wonAt.actualValue()).isEqualTo(new BigDecimal("4200.10"));

        assertThat(timeline(lead.id())).extracting(Activity::type).containsExactly(
                ActivityType.WON, ActivityType.STAGE_CHANGED,
                ActivityType.REOPENED, ActivityType.STAGE_CHANGED,
                ActivityType.LOST, ActivityType.STAGE_CHANGED,
                ActivityType.REOPENED, ActivityType.STAGE_CHANGED,
                ActivityType.WON, ActivityType.STAGE_CHANGED,
                ActivityType.STAGE_CHANGED, ActivityType.STAGE_CHANGED,
                ActivityType.CREATED);
        assertThat(timeline(lead.id())).filteredOn(a -> a.type() == ActivityType.LOST)
                .singleElement().satisfies(a -> assertThat(a.newValue()).isEqualTo("preço alto"));
        assertThat(fx.eventTypes()).contains("lead.stage_changed", "lead.won", "lead.lost", "lead.reopened");
    }

    @Test
    void deletionIsForAdminsOrTheAssignedMemberAndKeepsTheTimeline() {
        Lead unassigned = as(owner).leads().create(NewLead.named("Unassigned"));
        Lead mine = as(owner).leads().create(NewLead.named("Mine").assignedTo(member));

        assertThatThrownBy(() -> as(viewer).leads().delete(mine.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(member).leads().delete(unassigned.id())).isInstanceOf(PermissionDeniedException.class);
        as(member).leads().delete(mine.id());
        as(admin).leads().delete(unassigned.id());

        Expect.code("lead.not_found", () -> as(owner).leads().get(mine.id()));
        Expect.code("lead.not_found", () -> as(owner).leads().delete(mine.id()));
        assertThat(as(owner).leads().list().items()).extracting(Lead::id).doesNotContain(mine.id(), unassigned.id());
        assertThat(timeline(mine.id())).extracting(Activity::type).startsWith(ActivityType.DELETED);
        assertThat(fx.eventTypes()).contains("lead.deleted");
    }

    @Test
    void favouritesAssigneesAndTags() {
        Lead lead = as(member).leads().create(NewLead.named("Tagged").tags(List.of("a")));

        assertThat(as(member).leads().favorite(lead.id()).favorite()).isTrue();
        assertThat(as(member).leads().favorite(lead.id()).favorite()).isTrue();
        assertThat(as(member).leads().unfavorite(lead.id()).favorite()).isFalse();

        assertThat(as(member).leads().assign(lead.id(), admin).assignedUserId()).isEqualTo(admin);
        Expect.field("assignedUserId", () -> as(member).leads().assign(lead.id(), fx.user("outsider")));
        assertThat(as(member).leads().unassign(lead.id()).assignedUserId()).isNull();
        assertThat(fx.eventTypes()).contains("lead.assigned");
        Expect.field("assignedUserId", () -> as(member).leads().create(NewLead.named("x").assignedTo(fx.user("nobody"))));

        Lead tagged = as(member).leads().addTags(lead.id(), List.of(" B ", "a", "c", "b"));
        assertThat(tagged.tags()).containsExactly("a", "b", "c");
        assertThat(as(member).leads().removeTags(lead.id(), List.of("A", "zzz")).tags()).containsExactly("b", "c");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            many.add("t" + i);
        }
        Expect.field("tags", () -> as(member).leads().addTags(lead.id(), many));
        assertThat(as(member).leads().get(lead.id()).tags()).containsExactly("b", "c");
        assertThat(timeline(lead.id())).extracting(Activity::type).contains(ActivityType.TAG_ADDED, ActivityType.TAG_REMOVED,
                ActivityType.ASSIGNED, ActivityType.FIELD_CHANGED);
        assertThatThrownBy(() -> as(viewer).leads().favorite(lead.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(viewer).leads().create(NewLead.named("no"))).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void listsAreKeysetPagedNewestFirstInEitherOrder() {
        List<LeadId> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(as(member).leads().create(NewLead.named("Lead " + i)).id());
        }
        List<LeadId> seen = new ArrayList<>();
        Page<Lead> page = as(viewer).leads().list(PageRequest.first(10));
        seen.addAll(page.items().stream().map(Lead::id).toList());
        while (page.hasNext()) {
            page = as(viewer).leads().list(PageRequest.after(page.nextCursor().orElseThrow().toString(), 10));
            seen.addAll(page.items().stream().map(Lead::id).toList());
        }
        List<LeadId> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(as(viewer).leads().list().items()).hasSize(20);

        as(member).leads().patch(created.get(3), new LeadPatch().notes("touched"));
        Page<Lead> byUpdate = as(viewer).leads().list(LeadOrder.UPDATED_DESC, PageRequest.first(5));
        assertThat(byUpdate.items().get(0).id()).isEqualTo(created.get(3));
        String updatedCursor = byUpdate.nextCursor().orElseThrow().toString();
        Expect.field("cursor", () -> as(viewer).leads().list(LeadOrder.CREATED_DESC, PageRequest.after(updatedCursor, 5)));
        Expect.field("limit", () -> as(viewer).leads().list(PageRequest.first(101)));
    }

    @Test
    void timelinesArePagedStablyAndFilterByType() {
        Lead lead = as(member).leads().create(NewLead.named("Busy"));
        as(member).leads().addTags(lead.id(), List.of("a", "b", "c", "d", "e"));
        as(member).leads().moveToStage(lead.id(), Stage.CONTACT);

        List<Activity> all = timeline(lead.id());
        List<Activity> paged = new ArrayList<>();
        Page<Activity> page = as(viewer).activities().forLead(lead.id(), ActivityFilter.all(), PageRequest.first(2));
        paged.addAll(page.items());
        while (page.hasNext()) {
            page = as(viewer).activities().forLead(lead.id(), ActivityFilter.all(),
                    PageRequest.after(page.nextCursor().orElseThrow().toString(), 2));
            paged.addAll(page.items());
        }
        assertThat(paged).isEqualTo(all).hasSize(7);
        // Five tags added in one change: newest first, in the reverse of the order they were written.
        assertThat(all).filteredOn(a -> a.type() == ActivityType.TAG_ADDED).extracting(Activity::newValue)
                .containsExactly("e", "d", "c", "b", "a");
        assertThat(as(viewer).activities().forLead(lead.id(), ActivityFilter.only(ActivityType.STAGE_CHANGED),
                PageRequest.first(10)).items()).singleElement().satisfies(a -> {
                    assertThat(a.oldValue()).isEqualTo("lead");
                    assertThat(a.newValue()).isEqualTo("contact");
                });
        assertThat(as(viewer).activities().forOrganization(ActivityFilter.only(ActivityType.CREATED), PageRequest.first(100))
                .items()).extracting(Activity::leadId).contains(lead.id());
        Expect.field("limit", () -> as(viewer).activities().forOrganization(ActivityFilter.all(), PageRequest.first(101)));
    }

    private List<Activity> timeline(LeadId lead) {
        return as(owner).activities().forLead(lead, ActivityFilter.all(), PageRequest.first(100)).items();
    }
}
