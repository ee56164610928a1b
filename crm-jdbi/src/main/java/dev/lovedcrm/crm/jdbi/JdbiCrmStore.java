package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.internal.CrmJdbiTypes;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.RepositoryRegistry;
import dev.lovedcrm.crm.jdbi.internal.SqlErrors;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CrmStore} on JDBI 3 and PostgreSQL.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().store(JdbiCrmStore.create(dataSource)).build();
 * }</pre>
 *
 * <p>Each unit of work runs in one transaction on one connection from the {@link DataSource}. A
 * tenant transaction first runs {@code set_config('crm.organization_id', <org>, true)}; a system
 * transaction {@code set_config('crm.system', 'on', true)}. Both settings live only until that
 * transaction ends, so a pooled connection never carries them into the next borrower. The data source should connect as an ordinary role, not the
 * schema owner and not a superuser, so that PostgreSQL's row-level security applies to it.
 */
public final class JdbiCrmStore implements CrmStore {

    /** The transaction-local setting that names the current tenant. */
    public static final String TENANT_SETTING = "crm.organization_id";

    /** The transaction-local setting that, set to {@code on}, marks an audited cross-tenant transaction. */
    public static final String SYSTEM_SETTING = "crm.system";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiCrmStore.class);

    private final Jdbi jdbi;
    private final RepositoryRegistry repositories = new RepositoryRegistry();

    private JdbiCrmStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A store over a data source (ideally a connection pool such as HikariCP).
     *
     * @param dataSource connections as the SDK's runtime role
     * @return the store
     */
    public static JdbiCrmStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        CrmJdbiTypes.register(jdbi);
        return new JdbiCrmStore(jdbi);
    }

    @Override
    public <T> T inTenant(OrganizationId organizationId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(organizationId, "organizationId");
        return inTransaction(work, handle -> handle
                .createQuery("SELECT set_config('" + TENANT_SETTING + "', :organization, true)")
                .bind("organization", organizationId.value().toString())
                .mapTo(String.class)
                .one());
    }

    @Override
    public <T> T inSystem(String reason, Function<StoreTransaction, T> work) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a system transaction names its reason");
        }
        LOG.debug("system transaction (no tenant): {}", reason);
        return inTransaction(work, handle -> handle
                .createQuery("SELECT set_config('" + SYSTEM_SETTING + "', 'on', true)")
                .mapTo(String.class)
                .one());
    }

    private <T> T inTransaction(Function<StoreTransaction, T> work, Function<Handle, ?> prepare) {
        Objects.requireNonNull(work, "work");
        JdbiStoreTransaction[] transaction = new JdbiStoreTransaction[1];
        T result;
        try {
            result = jdbi.inTransaction(handle -> {
                prepare.apply(handle);
                transaction[0] = new JdbiStoreTransaction(handle, repositories);
                return work.apply(transaction[0]);
            });
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
        for (Runnable action : transaction[0].afterCommitActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed", e);
            }
        }
        return result;
    }
}
