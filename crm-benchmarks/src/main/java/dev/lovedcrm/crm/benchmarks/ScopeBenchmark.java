package dev.lovedcrm.crm.benchmarks;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the kernel's re-check of the acting principal costs per call: one scoped read,
 * {@code scope.members().get(user)} (policy, tenant transaction, the principal's current membership and
 * organization, then the read), beside the same read through the store without the re-check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScopeBenchmark {

    private BenchmarkDatabase db;
    private JdbiCrmStore store;
    private Organization org;
    private User owner;
    private TenantScope scope;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchmarkDatabase(4);
        store = JdbiCrmStore.create(db.pool, JdbiCrmStore.Options.defaults().contextKey(db.database.contextKey()));
        Crm crm = Crm.builder().store(store).build();
        owner = crm.users().register(NewUser.of("scope-bench@example.com", "correct horse battery staple", "Bench"));
        org = crm.organizations().create(owner.id(), NewOrganization.named("Scope Benchmark Co"));
        scope = crm.tenant(org.id(), owner.id());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** A scoped read: the kernel re-checks the member, then reads. */
    @Benchmark
    public Member scopedRead() {
        return scope.members().get(owner.id());
    }

    /** The same read in a tenant transaction of the store, without the re-check. */
    @Benchmark
    public Member storeRead() {
        return store.inTenant(org.id(), tx -> tx.repository(MemberRepository.class).findByUser(org.id(), owner.id()))
                .orElseThrow();
    }
}
