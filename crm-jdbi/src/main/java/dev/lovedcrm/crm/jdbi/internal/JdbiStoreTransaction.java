package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * A {@link StoreTransaction} over an open JDBI handle. Repositories are the store's shared
 * SqlObjects (see {@link RepositoryRegistry}); while the unit of work is open they act on this
 * transaction's handle.
 */
public final class JdbiStoreTransaction implements StoreTransaction {

    private final Handle handle;
    private final RepositoryRegistry repositories;
    private List<Runnable> afterCommit = List.of();
    private HandleSupplier handleSupplier;

    public JdbiStoreTransaction(Handle handle, RepositoryRegistry repositories) {
        this.handle = handle;
        this.repositories = repositories;
    }

    @Override
    public <R> R repository(Class<R> port) {
        return repositories.repository(port);
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (afterCommit.isEmpty()) {
            afterCommit = new ArrayList<>(2);
        }
        afterCommit.add(action);
    }

    public Handle handle() {
        return handle;
    }

    public List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }

    /** The handle's own supplier, captured on first use (it puts the handle into a method's extension context). */
    HandleSupplier handleSupplier() {
        HandleSupplier supplier = handleSupplier;
        if (supplier == null) {
            supplier = handle.attach(RepositoryRegistry.CapturedSupplier.class).supplier();
            handleSupplier = supplier;
        }
        return supplier;
    }
}
