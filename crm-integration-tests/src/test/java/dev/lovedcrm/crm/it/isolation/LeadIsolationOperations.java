package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.activity.ActivityFilter;
import dev.lovedcrm.crm.activity.ActivityType;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.lead.LeadFilter;
import dev.lovedcrm.crm.lead.LeadOrder;
import dev.lovedcrm.crm.lead.LeadPatch;
import dev.lovedcrm.crm.lead.LeadSearchResult;
import dev.lovedcrm.crm.lead.NewLead;
import dev.lovedcrm.crm.lead.Stage;
import dev.lovedcrm.crm.page.PageRequest;
import java.math.BigDecimal;
import java.util.List;

/**
 * Lead and activity-log operations, each aimed at a lead (and, where one is assigned, a user) of either
 * organization: another organization's lead must answer {@code lead.not_found} and its user must be refused as
 * an assignee, leaving the other organization's rows untouched.
 */
final class LeadIsolationOperations implements IsolationOperations {

    private static final Stage[] OPEN = {Stage.LEAD, Stage.CONTACT, Stage.PROPOSAL, Stage.NEGOTIATION};

    @Override
    public String feature() {
        return "leads";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("create", (world, scope, step) -> scope.leads().create(NewLead.named("Iso " + step.salt())
                        .assignedTo(targetUser(world, step)))),
                operation("get", (world, scope, step) -> scope.leads().get(targetLead(world, step))),
                operation("list", (world, scope, step) -> scope.leads()
                        .list(step.salt() % 2 == 0 ? LeadOrder.CREATED_DESC : LeadOrder.UPDATED_DESC, PageRequest.first(100))
                        .items()),
                operation("search", (world, scope, step) -> scope.leads().search("lead", PageRequest.first(100)).items()
                        .stream().map(LeadSearchResult::lead).toList()),
                operation("kanban", (world, scope, step) -> scope.leads().kanban(LeadFilter.all(), 100)),
                operation("patch", (world, scope, step) -> scope.leads().patch(targetLead(world, step),
                        new LeadPatch().notes("patched " + step.salt()).estimatedValue(BigDecimal.valueOf(step.salt())))),
                operation("delete", (world, scope, step) -> {
                    scope.leads().delete(targetLead(world, step));
                    return null;
                }),
                operation("favorite", (world, scope, step) -> step.salt() % 2 == 0
                        ? scope.leads().favorite(targetLead(world, step)) : scope.leads().unfavorite(targetLead(world, step))),
                operation("assign", (world, scope, step) -> scope.leads().assign(targetLead(world, step),
                        targetUser(world, step))),
                operation("unassign", (world, scope, step) -> scope.leads().unassign(targetLead(world, step))),
                operation("tags", (world, scope, step) -> step.salt() % 2 == 0
                        ? scope.leads().addTags(targetLead(world, step), List.of("t" + step.salt() % 5))
                        : scope.leads().removeTags(targetLead(world, step), List.of("t" + step.salt() % 5))),
                operation("moveToStage", (world, scope, step) -> scope.leads().moveToStage(targetLead(world, step),
                        OPEN[step.salt() % OPEN.length])),
                operation("close", (world, scope, step) -> step.salt() % 2 == 0
                        ? scope.leads().closeAsWon(targetLead(world, step))
                        : scope.leads().closeAsLost(targetLead(world, step), "lost " + step.salt())),
                operation("reopen", (world, scope, step) -> scope.leads().reopen(targetLead(world, step),
                        OPEN[step.salt() % OPEN.length])),
                operation("timeline", (world, scope, step) -> scope.activities().forLead(targetLead(world, step),
                        ActivityFilter.all(), PageRequest.first(100)).items()),
                operation("organizationTimeline", (world, scope, step) -> scope.activities().forOrganization(
                        step.salt() % 2 == 0 ? ActivityFilter.all() : ActivityFilter.only(ActivityType.CREATED,
                                ActivityType.STAGE_CHANGED), PageRequest.first(100)).items()));
    }

    private static LeadId targetLead(IsolationWorld world, Step step) {
        return world.lead(step.targetTenant(), step.target());
    }

    private static UserId targetUser(IsolationWorld world, Step step) {
        return world.tenant(step.targetTenant()).user(step.target());
    }
}
