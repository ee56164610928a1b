package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.organization.OrganizationPatch;
import java.util.List;

/** Organization operations a tenant scope can perform: reading and changing its own organization's profile. */
final class OrganizationIsolationOperations implements IsolationOperations {

    @Override
    public String feature() {
        return "organization";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("get", (world, scope, step) -> scope.organization().get()),
                operation("update", (world, scope, step) -> scope.organization().update(
                        OrganizationPatch.empty().description("changed by " + step))),
                operation("updateWebsite", (world, scope, step) -> scope.organization().update(
                        OrganizationPatch.empty().website("site-" + step.salt() + ".example.com"))));
    }
}
