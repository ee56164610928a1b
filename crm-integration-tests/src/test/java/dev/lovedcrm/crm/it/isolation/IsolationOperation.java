package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.TenantScope;

/**
 * One thing a member can do through a {@link TenantScope}, aimed at a target that may belong to
 * either organization.
 *
 * @param name {@code <feature>.<operation>}, shown when the property fails
 * @param action what it does
 */
public record IsolationOperation(String name, Action action) {

    /** What the operation does; its result (or the refusal) is checked for the other tenant's data. */
    @FunctionalInterface
    public interface Action {

        /**
         * Performs the operation.
         *
         * @param world the two organizations and the fixture
         * @param scope the acting member's scope
         * @param step who acts and on what
         * @return what the operation returned, for the property to inspect
         * @throws Exception anything; {@code CrmException}s count as refusals
         */
        Object perform(IsolationWorld world, TenantScope scope, Step step) throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }
}
