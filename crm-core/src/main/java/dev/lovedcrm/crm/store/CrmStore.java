package dev.lovedcrm.crm.store;

import dev.lovedcrm.crm.id.OrganizationId;
import java.util.function.Function;

/**
 * The persistence port: runs work in one database transaction. crm-jdbi implements it
 * ({@code JdbiCrmStore}); a Spring host's implementation joins Spring-managed transactions.
 *
 * <p>This is a service-provider interface used by the SDK's services, not an entry point for
 * application code: applications go through {@code Crm} and {@code TenantScope}.
 */
public interface CrmStore {

    /**
     * Runs {@code work} in a transaction confined to one tenant: the store tells the database which
     * organization the transaction belongs to (transaction-local, never left on a pooled
     * connection), and repositories filter every statement by it. Commits when {@code work}
     * returns, rolls back when it throws.
     *
     * @param <T> the result type
     * @param organizationId the tenant
     * @param work the work; receives the transaction
     * @return what {@code work} returned
     * @throws dev.lovedcrm.crm.error.CrmException for any database failure (never a raw SQL exception)
     */
    <T> T inTenant(OrganizationId organizationId, Function<StoreTransaction, T> work);

    /**
     * Runs {@code work} in a transaction that is not confined to a tenant, for the few operations
     * that must cross tenants (a user's list of organizations, job workers, sign-in). Every use
     * names its reason, which is logged at debug level for audit.
     *
     * @param <T> the result type
     * @param reason why tenant confinement is lifted, e.g. {@code "list user's organizations"}
     * @param work the work; receives the transaction
     * @return what {@code work} returned
     * @throws dev.lovedcrm.crm.error.CrmException for any database failure
     */
    <T> T inSystem(String reason, Function<StoreTransaction, T> work);
}
