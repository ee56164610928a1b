package dev.lovedcrm.crm.store;

/**
 * One open database transaction, handed to the work passed to {@link CrmStore}. Gives the
 * repositories (ports) that work may use; they all run in this transaction and, inside
 * {@link CrmStore#inTenant}, see only that tenant's rows.
 */
public interface StoreTransaction {

    /**
     * The implementation of a repository port, bound to this transaction.
     *
     * @param <R> the port type
     * @param port a repository interface declared in crm-core, e.g. {@code OrganizationRepository.class}
     * @return the repository
     * @throws IllegalArgumentException when the store has no implementation of that port
     */
    <R> R repository(Class<R> port);

    /**
     * Runs an action after this transaction commits, and never if it rolls back. Used to notify
     * in-process listeners of domain events only once the change is durable.
     *
     * @param action what to run; exceptions it throws are logged and swallowed
     */
    void afterCommit(Runnable action);
}
