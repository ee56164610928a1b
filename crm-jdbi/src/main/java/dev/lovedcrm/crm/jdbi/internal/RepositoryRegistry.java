package dev.lovedcrm.crm.jdbi.internal;

import dev.lovedcrm.crm.access.spi.PrincipalRepository;
import dev.lovedcrm.crm.activity.spi.ActivityRepository;
import dev.lovedcrm.crm.auth.session.spi.SessionRepository;
import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.billing.spi.BillingRepository;
import dev.lovedcrm.crm.event.spi.EventRepository;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.jdbi.internal.access.JdbiPrincipalRepository;
import dev.lovedcrm.crm.jdbi.internal.activity.JdbiActivityRepository;
import dev.lovedcrm.crm.jdbi.internal.auth.JdbiThrottleRepository;
import dev.lovedcrm.crm.jdbi.internal.auth.JdbiTwoFactorRepository;
import dev.lovedcrm.crm.jdbi.internal.billing.JdbiBillingRepository;
import dev.lovedcrm.crm.jdbi.internal.billing.JdbiPlanRepository;
import dev.lovedcrm.crm.jdbi.internal.event.JdbiEventRepository;
import dev.lovedcrm.crm.jdbi.internal.invite.JdbiInviteRepository;
import dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadRepository;
import dev.lovedcrm.crm.jdbi.internal.member.JdbiMemberRepository;
import dev.lovedcrm.crm.jdbi.internal.organization.JdbiOrganizationRepository;
import dev.lovedcrm.crm.jdbi.internal.preference.JdbiPreferencesRepository;
import dev.lovedcrm.crm.jdbi.internal.session.JdbiSessionRepository;
import dev.lovedcrm.crm.jdbi.internal.user.JdbiUserRepository;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.plan.spi.PlanRepository;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * Which JDBI SqlObject implements which repository port of crm-core. Every new port gets one line
 * here; a test checks that every port in crm-core has an entry.
 *
 * <p>An instance holds one store's SqlObjects: each port is attached once (attaching builds a
 * handler for every method of the interface, too dear to repeat in every transaction) and runs on
 * the handle of the unit of work open on the calling thread.
 */
public final class RepositoryRegistry {

    private static final Map<Class<?>, Class<?>> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry(OrganizationRepository.class, JdbiOrganizationRepository.class),
            Map.entry(MemberRepository.class, JdbiMemberRepository.class),
            Map.entry(InviteRepository.class, JdbiInviteRepository.class),
            Map.entry(EventRepository.class, JdbiEventRepository.class),
            Map.entry(UserRepository.class, JdbiUserRepository.class),
            Map.entry(SessionRepository.class, JdbiSessionRepository.class),
            Map.entry(ThrottleRepository.class, JdbiThrottleRepository.class),
            Map.entry(TwoFactorRepository.class, JdbiTwoFactorRepository.class),
            Map.entry(PreferencesRepository.class, JdbiPreferencesRepository.class),
            Map.entry(PrincipalRepository.class, JdbiPrincipalRepository.class),
            Map.entry(LeadRepository.class, JdbiLeadRepository.class),
            Map.entry(dev.lovedcrm.crm.lead.spi.LeadSearchRepository.class, dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadSearchRepository.class),
            Map.entry(dev.lovedcrm.crm.lead.spi.LeadIdempotencyRepository.class, dev.lovedcrm.crm.jdbi.internal.lead.JdbiLeadIdempotencyRepository.class),
            Map.entry(ActivityRepository.class, JdbiActivityRepository.class),
            Map.entry(dev.lovedcrm.crm.report.spi.ReportRepository.class, dev.lovedcrm.crm.jdbi.internal.report.JdbiReportRepository.class),
            Map.entry(PlanRepository.class, JdbiPlanRepository.class),
            Map.entry(BillingRepository.class, JdbiBillingRepository.class));

    private final Jdbi jdbi;
    private final ThreadLocal<JdbiStoreTransaction> current = new ThreadLocal<>();
    private final CurrentTransactionSupplier supplier = new CurrentTransactionSupplier();
    private final ConcurrentMap<Class<?>, Object> attached = new ConcurrentHashMap<>();

    /**
     * The repositories of one store.
     *
     * @param jdbi the store's JDBI; taught to hand out a handle's own {@link HandleSupplier}
     */
    public RepositoryRegistry(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerExtension(new HandleSupplierCapture());
    }

    public static Map<Class<?>, Class<?>> implementations() {
        return IMPLEMENTATIONS;
    }

    /**
     * The store's one SqlObject for a port. It is attached once per store, not once per
     * transaction, and acts on the unit of work open on the calling thread.
     */
    public <R> R repository(Class<R> port) {
        Object repository = attached.get(port);
        if (repository == null) {
            repository = attached.computeIfAbsent(port, this::attach);
        }
        return port.cast(repository);
    }

    /**
     * Fails if a unit of work of this store is open on the calling thread: units of work do not
     * nest (checked before a second connection is taken from the pool).
     */
    public void requireNoUnitOfWork() {
        if (current.get() != null) {
            throw new IllegalStateException("a unit of work is already open on this thread; the store does not nest them");
        }
    }

    /** Binds a unit of work to this thread; the repositories act on its handle until {@link #unbind}. */
    public void bind(JdbiStoreTransaction transaction) {
        requireNoUnitOfWork();
        current.set(transaction);
    }

    public void unbind() {
        current.remove();
    }

    private Object attach(Class<?> port) {
        Class<?> implementation = IMPLEMENTATIONS.get(port);
        if (implementation == null) {
            throw new IllegalArgumentException("no JDBI implementation of " + port.getName());
        }
        return jdbi.getConfig(Extensions.class).findFor(implementation, supplier)
                .orElseThrow(() -> new IllegalStateException("JDBI cannot attach " + implementation.getName()));
    }

    private JdbiStoreTransaction transaction() {
        JdbiStoreTransaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("a repository is used outside the unit of work that handed it out");
        }
        return transaction;
    }

    /**
     * What the attached SqlObjects run on: the handle of the unit of work bound to the calling
     * thread, through that handle's own supplier (which switches the handle into the method's
     * extension context, so per-method configuration such as registered mappers applies).
     */
    private final class CurrentTransactionSupplier implements HandleSupplier {

        @Override
        public Handle getHandle() {
            return transaction().handle();
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            JdbiStoreTransaction transaction = current.get();
            return transaction == null ? jdbi.getConfig() : transaction.handle().getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext extensionContext, Callable<V> task) throws Exception {
            return transaction().handleSupplier().invokeInContext(extensionContext, task);
        }
    }

    /** Carries a handle's own {@link HandleSupplier}, obtained through {@code handle.attach(...)}. */
    record CapturedSupplier(HandleSupplier supplier) {
    }

    /** Attaches {@link CapturedSupplier} without a proxy, so capturing costs one lookup and one object. */
    private static final class HandleSupplierCapture implements ExtensionFactory {

        @Override
        public boolean accepts(Class<?> extensionType) {
            return extensionType == CapturedSupplier.class;
        }

        @Override
        public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
            return extensionType.cast(new CapturedSupplier(handleSupplier));
        }

        @Override
        public Set<FactoryFlag> getFactoryFlags() {
            return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
        }
    }
}
