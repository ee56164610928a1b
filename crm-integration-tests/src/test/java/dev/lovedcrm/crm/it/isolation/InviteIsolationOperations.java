package dev.lovedcrm.crm.it.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.it.support.Sql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invite operations (the inviting side), each aimed at an invite or user of either organization. */
final class InviteIsolationOperations implements IsolationOperations {

    @Override
    public String feature() {
        return "invites";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("list", (world, scope, step) -> scope.invites().list(Optional.empty(), PageRequest.first(50)).items()),
                operation("listPending", (world, scope, step) ->
                        scope.invites().list(Optional.of(InviteStatus.PENDING), PageRequest.first(50)).items()),
                operation("countByStatus", (world, scope, step) -> {
                    // Counts are not rows: check them against the acting organization's own invites.
                    Map<InviteStatus, Long> counts = scope.invites().countByStatus();
                    Map<String, Long> own = new HashMap<>();
                    for (String row : Sql.strings(world.database.ownerDataSource(),
                            "SELECT status::text || '=' || count(*) FROM crm.organization_invites WHERE organization_id = ? GROUP BY status",
                            world.tenant(step.actorTenant()).organization().id().value())) {
                        own.put(row.substring(0, row.indexOf('=')), Long.parseLong(row.substring(row.indexOf('=') + 1)));
                    }
                    Map<String, Long> returned = new HashMap<>();
                    counts.forEach((status, count) -> {
                        if (count != 0) {
                            returned.put(status.dbValue(), count);
                        }
                    });
                    assertThat(returned).as("%s counted other invites than its own organization's", step).isEqualTo(own);
                    return counts;
                }),
                operation("cancel", (world, scope, step) -> scope.invites().cancel(targetInvite(world, step))),
                operation("resend", (world, scope, step) -> scope.invites().resend(targetInvite(world, step))),
                operation("createForTargetsEmail", (world, scope, step) -> scope.invites().create(
                        NewInvite.of(world.fx.emailOf(world.tenant(step.targetTenant()).user(step.target())), step.role()))),
                operation("createForInvitee", (world, scope, step) -> scope.invites().create(
                        NewInvite.of((step.targetTenant() == 0 ? "Alpha" : "Beta") + "-invitee-" + step.target() % 3
                                + "@example.com", step.role()))));
    }

    private static InviteId targetInvite(IsolationWorld world, Step step) {
        return world.tenant(step.targetTenant()).invite(step.target());
    }
}
