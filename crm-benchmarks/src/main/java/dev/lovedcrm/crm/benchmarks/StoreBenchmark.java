package dev.lovedcrm.crm.benchmarks;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * What a tenant transaction costs: reading one organization through the SDK (transaction,
 * transaction-local tenant setting, row-level security, JDBI mapping) beside the same read in raw
 * JDBC with the same setting, and opening a scope (the membership check).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {

    private BenchmarkDatabase db;
    private JdbiCrmStore store;
    private Crm crm;
    private Organization org;
    private User owner;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchmarkDatabase(4);
        store = JdbiCrmStore.create(db.pool);
        crm = Crm.builder().store(store).build();
        owner = crm.users().register(NewUser.of("bench@example.com", "correct horse battery staple", "Bench"));
        org = crm.organizations().create(owner.id(), NewOrganization.named("Benchmark Co"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public Organization sdkTenantTransaction() {
        OrganizationId id = org.id();
        return store.inTenant(id, tx -> tx.repository(OrganizationRepository.class).findById(id)).orElseThrow();
    }

    @Benchmark
    public String rawJdbcTransaction() throws SQLException {
        try (Connection c = db.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('crm.organization_id', ?, true)");
                    PreparedStatement read = c.prepareStatement("SELECT name FROM crm.organizations WHERE id = ?")) {
                set.setString(1, org.id().toString());
                set.executeQuery().close();
                read.setObject(1, org.id().value());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    String name = rs.getString(1);
                    c.commit();
                    return name;
                }
            }
        }
    }

    @Benchmark
    public TenantScope openScope() {
        return crm.tenant(org.id(), owner.id());
    }
}
