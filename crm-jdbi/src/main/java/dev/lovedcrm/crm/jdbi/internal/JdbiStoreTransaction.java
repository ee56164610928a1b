package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** A {@link StoreTransaction} over an open JDBI handle. */
public final class JdbiStoreTransaction implements StoreTransaction {

    private final Handle handle;
    private final RepositoryRegistry repositories;
    private final List<Runnable> afterCommit = new ArrayList<>();

    public JdbiStoreTransaction(Handle handle, RepositoryRegistry repositories) {
        this.handle = handle;
        this.repositories = repositories;
    }

    @Override
    public <R> R repository(Class<R> port) {
        return repositories.attach(handle, port);
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public Handle handle() {
        return handle;
    }

    public List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }
}
