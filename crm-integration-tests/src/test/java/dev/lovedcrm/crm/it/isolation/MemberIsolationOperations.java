package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.page.PageRequest;
import java.util.List;
import java.util.Map;

/** Member operations, each aimed at a user of either organization. */
final class MemberIsolationOperations implements IsolationOperations {

    @Override
    public String feature() {
        return "members";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("list", (world, scope, step) -> scope.members().list(PageRequest.first(50)).items()),
                operation("get", (world, scope, step) -> scope.members().get(targetUser(world, step))),
                operation("changeRole", (world, scope, step) -> scope.members().changeRole(targetUser(world, step), step.role())),
                operation("remove", (world, scope, step) -> scope.members().remove(targetUser(world, step))),
                operation("setPermissions", (world, scope, step) -> scope.members().setPermissions(targetUser(world, step),
                        Map.of("invite.create", step.salt() % 2 == 0))),
                operation("transferOwnership", (world, scope, step) -> {
                    scope.organization().transferOwnership(targetUser(world, step));
                    return null;
                }),
                operation("leave", (world, scope, step) -> {
                    scope.members().leave();
                    return null;
                }));
    }

    private static dev.lovedcrm.crm.id.UserId targetUser(IsolationWorld world, Step step) {
        return world.tenant(step.targetTenant()).user(step.target());
    }
}
