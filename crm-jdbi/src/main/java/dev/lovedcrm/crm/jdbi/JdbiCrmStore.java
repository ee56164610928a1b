package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.internal.CrmJdbiTypes;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.RepositoryRegistry;
import dev.lovedcrm.crm.jdbi.internal.SqlErrors;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
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
 * <p>Each unit of work runs in one transaction on one connection from the {@link DataSource}: it
 * commits when the work returns, rolls back when the work throws, and runs after-commit actions only
 * once committed. Every transaction first sets both settings in one statement,
 * {@code SELECT set_config('crm.organization_id', ?, true), set_config('crm.system', ?, true)}: a
 * tenant transaction with its organization and {@code off}, a system transaction with an empty
 * tenant and {@code on}. Both settings live only until that transaction ends, so a pooled
 * connection never carries them into the next borrower. Units of work do not nest: a second one
 * opened on a thread inside the first fails. The data source should connect as an ordinary role,
 * not the schema owner and not a superuser, so that PostgreSQL's row-level security applies to it.
 */
public final class JdbiCrmStore implements CrmStore {

    /** The transaction-local setting that names the current tenant. */
    public static final String TENANT_SETTING = "crm.organization_id";

    /** The transaction-local setting that, set to {@code on}, marks an audited cross-tenant transaction. */
    public static final String SYSTEM_SETTING = "crm.system";

    /** Both settings, transaction-local, in one statement: one round trip, and no setting is left to chance. */
    private static final String SETTINGS_SQL =
            "SELECT set_config('" + TENANT_SETTING + "', ?, true), set_config('" + SYSTEM_SETTING + "', ?, true)";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiCrmStore.class);

    private final Jdbi jdbi;
    private final RepositoryRegistry repositories;

    private JdbiCrmStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.repositories = new RepositoryRegistry(jdbi);
    }

    /**
     * A store over a data source (ideally a connection pool such as HikariCP). The pool may hand
     * out connections in auto-commit mode or not: either way each unit of work begins and commits
     * its own transaction, and the connection goes back with the auto-commit setting it came with.
     *
     * @param dataSource connections as the SDK's runtime role
     * @return the store
     */
    public static JdbiCrmStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        // Track the transaction the store begins rather than read it from the auto-commit flag: a
        // pool with autoCommit=false would otherwise look like a transaction already open, and
        // nothing would ever be committed.
        jdbi.setTransactionHandler(LocalTransactionHandler.managed());
        CrmJdbiTypes.register(jdbi);
        return new JdbiCrmStore(jdbi);
    }

    @Override
    public <T> T inTenant(OrganizationId organizationId, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(organizationId, "organizationId");
        return inTransaction(organizationId.value().toString(), "off", work);
    }

    @Override
    public <T> T inSystem(String reason, Function<StoreTransaction, T> work) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a system transaction names its reason");
        }
        LOG.debug("system transaction (no tenant): {}", reason);
        return inTransaction("", "on", work);
    }

    private <T> T inTransaction(String tenant, String system, Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        JdbiStoreTransaction transaction;
        T result;
        try {
            repositories.requireNoUnitOfWork();
            try (Handle handle = jdbi.open()) {
                transaction = new JdbiStoreTransaction(handle, repositories);
                result = inTransaction(handle, transaction, tenant, system, work);
            }
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
        for (Runnable action : transaction.afterCommitActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed", e);
            }
        }
        return result;
    }

    /** Begin, settings, work, commit; roll back if anything fails. Runs on the caller's thread. */
    private <T> T inTransaction(Handle handle, JdbiStoreTransaction transaction, String tenant, String system,
            Function<StoreTransaction, T> work) {
        repositories.bind(transaction);
        try {
            handle.begin();
            try {
                applySettings(handle.getConnection(), tenant, system);
                T result = work.apply(transaction);
                handle.commit();
                return result;
            } catch (Throwable failure) {
                try {
                    handle.rollback();
                } catch (RuntimeException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            }
        } finally {
            repositories.unbind();
        }
    }

    /** Sets both settings on the transaction's connection, in plain JDBC: no JDBI statement for a fixed query. */
    private static void applySettings(Connection connection, String tenant, String system) {
        try (PreparedStatement settings = connection.prepareStatement(SETTINGS_SQL)) {
            settings.setString(1, tenant);
            settings.setString(2, system);
            settings.executeQuery().close();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
