package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The unit of work of one tenant scope: the only way a tenant service reaches the database. Each call checks
 * the policy against the scope's principal (failing fast, without a round trip), opens a transaction confined
 * to the organization, re-checks the acting principal's current state in it ({@link TenantTransaction#actor})
 * and hands the work a {@link TenantTransaction}, the only source of the organization inside it.
 */
public final class TenantWork {

    private final CrmRuntime runtime;
    private final TenantContext context;

    public TenantWork(CrmRuntime runtime, TenantContext context) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.context = Objects.requireNonNull(context, "context");
    }

    public CrmRuntime runtime() {
        return runtime;
    }

    /** The principal the scope was opened for (its current state is re-checked by every {@link #run}). */
    public Principal principal() {
        return context.principal();
    }

    /** Runs {@code work} for {@code action} in one tenant transaction and returns its result. */
    public <T> T run(Action action, Function<TenantTransaction, T> work) {
        AccessPolicy.require(context.principal(), action);
        return runtime.store().inTenant(context.organizationId(), store -> {
            TenantTransaction tx = new TenantTransaction(runtime, context, store);
            tx.actor(action);
            return work.apply(tx);
        });
    }

    /** {@link #run} for work without a result. */
    public void execute(Action action, Consumer<TenantTransaction> work) {
        run(action, tx -> {
            work.accept(tx);
            return null;
        });
    }
}
