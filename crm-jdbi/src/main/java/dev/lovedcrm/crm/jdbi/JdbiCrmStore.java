package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.internal.CrmJdbiTypes;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.jdbi.internal.RepositoryRegistry;
import dev.lovedcrm.crm.jdbi.internal.SqlErrors;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.sql.Connection;
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
 * Crm crm = Crm.builder()
 *         .store(JdbiCrmStore.create(dataSource, JdbiCrmStore.Options.defaults().contextKey(key)))
 *         .build();
 * }</pre>
 *
 * <p>Each unit of work runs in one transaction on one connection from the {@link DataSource}: it
 * commits when the work returns, rolls back when the work throws, and runs after-commit actions only
 * once committed. Every transaction first sets both settings in one statement, which also reads the
 * transaction id, {@code SELECT txid_current(), set_config('crm.organization_id', ?, true),
 * set_config('crm.system', ?, true)}: a tenant transaction with its organization and {@code off}, a
 * system transaction with an empty tenant and {@code on}. A second statement sets
 * {@code crm.context_proof}, the HMAC-SHA256 under the {@link CrmContextKey} of both settings and the
 * transaction id: the row-level security policies believe the settings only with that proof, so SQL
 * outside the SDK that sets them itself gains nothing (see {@code V7__sealed_context.sql}). All three
 * settings live only until that transaction ends, so a pooled connection never carries them into the
 * next borrower, and a setting left on a connection by other code is overridden. Units of work do not
 * nest: a second one opened on a thread inside the first fails. The data source should connect as an
 * ordinary role, not the schema owner and not a superuser, so that PostgreSQL's row-level security
 * applies to it; {@link #create(DataSource, Options)} checks it ({@link CrmDatabase#verifyRuntimeRole}).
 */
public final class JdbiCrmStore implements CrmStore {

    /** The transaction-local setting that names the current tenant. */
    public static final String TENANT_SETTING = "crm.organization_id";

    /** The transaction-local setting that, set to {@code on}, marks an audited cross-tenant transaction. */
    public static final String SYSTEM_SETTING = "crm.system";

    /** The transaction-local setting that carries the proof of the other two (see {@link CrmContextKey}). */
    public static final String PROOF_SETTING = "crm.context_proof";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiCrmStore.class);

    private final Jdbi jdbi;
    private final RepositoryRegistry repositories;
    private final CrmContextKey contextKey;

    private JdbiCrmStore(Jdbi jdbi, CrmContextKey contextKey) {
        this.jdbi = jdbi;
        this.repositories = new RepositoryRegistry(jdbi);
        this.contextKey = contextKey;
    }

    /**
     * How {@link JdbiCrmStore#create(DataSource, Options)} sets the store up. Immutable; each method
     * returns a copy.
     */
    public static final class Options {

        private final CrmContextKey contextKey;
        private final CrmDatabase.RuntimeRoleCheck runtimeRoleCheck;

        private Options(CrmContextKey contextKey, CrmDatabase.RuntimeRoleCheck runtimeRoleCheck) {
            this.contextKey = contextKey;
            this.runtimeRoleCheck = runtimeRoleCheck;
        }

        /**
         * No key given (the data source must carry one, see {@link JdbiCrmStore#create(DataSource, Options)}),
         * and the runtime role checked in {@link CrmDatabase.RuntimeRoleCheck#WARN} mode.
         *
         * @return the defaults
         */
        public static Options defaults() {
            return new Options(null, CrmDatabase.RuntimeRoleCheck.WARN);
        }

        /**
         * The context key: the same key the database was given by {@link CrmDatabase#migrate(DataSource, String,
         * CrmContextKey)}, or the current one during a rotation.
         *
         * @param key the key
         * @return options with the key
         */
        public Options contextKey(CrmContextKey key) {
            return new Options(Objects.requireNonNull(key, "key"), runtimeRoleCheck);
        }

        /**
         * What to do when the data source's role escapes row-level security (superuser, {@code BYPASSRLS},
         * owner of the tables, or able to {@code SET ROLE} to one of those): log a warning (the default) or
         * refuse to create the store.
         *
         * @param check warn or refuse
         * @return options with the check
         */
        public Options runtimeRoleCheck(CrmDatabase.RuntimeRoleCheck check) {
            return new Options(contextKey, Objects.requireNonNull(check, "check"));
        }

        @Override
        public String toString() {
            return "JdbiCrmStore.Options[contextKey=" + (contextKey == null ? "from the data source" : "…")
                    + ", runtimeRoleCheck=" + runtimeRoleCheck + "]";
        }
    }

    /**
     * A store over a data source that carries its context key ({@code dataSource.unwrap(CrmContextKey.class)},
     * as the testkit's data sources do), with the default options.
     *
     * @param dataSource connections as the SDK's runtime role
     * @return the store
     * @throws dev.lovedcrm.crm.error.CrmException {@code database.context_key_missing} when the data source carries
     *     no key: use {@link #create(DataSource, Options)}
     */
    public static JdbiCrmStore create(DataSource dataSource) {
        return create(dataSource, Options.defaults());
    }

    /**
     * A store over a data source (ideally a connection pool such as HikariCP). The pool may hand
     * out connections in auto-commit mode or not: either way each unit of work begins and commits
     * its own transaction, and the connection goes back with the auto-commit setting it came with.
     * The runtime role is checked once here ({@link CrmDatabase#verifyRuntimeRole}), in the mode the options
     * say; in {@code WARN} mode a check that cannot run (database down) is logged and the store is created.
     *
     * @param dataSource connections as the SDK's runtime role
     * @param options the context key (or none, when the data source carries it) and the role check
     * @return the store
     * @throws dev.lovedcrm.crm.error.CrmException {@code database.context_key_missing} when neither the options nor
     *     the data source give a key; {@code database.unsafe_role} when the check refuses the role
     */
    public static JdbiCrmStore create(DataSource dataSource, Options options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        CrmContextKey key = options.contextKey != null ? options.contextKey : CrmDatabase.carriedKey(dataSource);
        if (key == null) {
            throw new CrmException("database.context_key_missing", "JdbiCrmStore needs the context key the database was"
                    + " migrated with: JdbiCrmStore.create(dataSource, Options.defaults().contextKey(key)), see docs/security.md");
        }
        checkRole(dataSource, options.runtimeRoleCheck);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        // Track the transaction the store begins rather than read it from the auto-commit flag: a
        // pool with autoCommit=false would otherwise look like a transaction already open, and
        // nothing would ever be committed.
        jdbi.setTransactionHandler(LocalTransactionHandler.managed());
        CrmJdbiTypes.register(jdbi);
        return new JdbiCrmStore(jdbi, key);
    }

    private static void checkRole(DataSource dataSource, CrmDatabase.RuntimeRoleCheck mode) {
        try {
            CrmDatabase.verifyRuntimeRole(dataSource, mode);
        } catch (CrmException e) {
            if (mode == CrmDatabase.RuntimeRoleCheck.REFUSE || !"database.error".equals(e.code())) {
                throw e;
            }
            LOG.warn("could not check the runtime role of the SDK's data source: {}", e.getMessage());
        }
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
                applySettings(handle.getConnection(), contextKey, tenant, system);
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

    /** Sets both settings and the proof on the transaction's connection, in plain JDBC (see {@link CrmContextKey}). */
    private static void applySettings(Connection connection, CrmContextKey key, String tenant, String system) {
        try {
            key.seal(connection, tenant, system);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
