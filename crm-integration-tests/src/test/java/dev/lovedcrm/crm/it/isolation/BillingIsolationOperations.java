package dev.lovedcrm.crm.it.isolation;

import java.util.List;

/**
 * Billing operations a tenant scope can perform: reading and changing its own organization's plan. They take no
 * id from the caller, so the property checks that they touch nothing of the other organization.
 */
final class BillingIsolationOperations implements IsolationOperations {

    private static final String[] PLANS = {"basic", "professional"};

    @Override
    public String feature() {
        return "billing";
    }

    @Override
    public List<IsolationOperation> operations() {
        return of(
                operation("current", (world, scope, step) -> scope.billing().current()),
                operation("changePlan", (world, scope, step) -> scope.billing().changePlan(PLANS[step.salt() % 2])));
    }
}
