package dev.lovedcrm.crm.benchmarks;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.jdbi.internal.JdbiStoreTransaction;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lovedcrm.crm.id.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * transaction-local tenant setting and its proof, row-level security, JDBI mapping) beside the same read
 * in raw JDBC with the same settings and proof, and opening a scope (the membership check).
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
    private Mac rawMac;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchmarkDatabase(4);
        store = JdbiCrmStore.create(db.pool, JdbiCrmStore.Options.defaults().contextKey(db.database.contextKey()));
        crm = Crm.builder().store(store).build();
        try {
            rawMac = Mac.getInstance("HmacSHA256");
            rawMac.init(new SecretKeySpec(Base64.getDecoder().decode(db.database.contextKey().toBase64()), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * The same unit of work as {@link #sdkTenantTransaction} in plain JDBC: one transaction, both
     * transaction-local settings and the transaction id in one statement, the proof (HMAC-SHA256 under the
     * context key) in a second, the same sixteen columns as the SDK's organization
     * read, mapped to the same core {@link Organization} record (settings parsed by Jackson).
     */
    @Benchmark
    public Organization rawJdbcTransaction() throws SQLException, JsonProcessingException {
        try (Connection c = db.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT txid_current(),"
                            + " set_config('crm.organization_id', ?, true), set_config('crm.system', 'off', true)");
                    PreparedStatement proof = c.prepareStatement("SELECT set_config('crm.context_proof', ?, true)");
                    PreparedStatement read = c.prepareStatement(READ_ORGANIZATION)) {
                String tenant = org.id().toString();
                set.setString(1, tenant);
                long transactionId;
                try (ResultSet rs = set.executeQuery()) {
                    rs.next();
                    transactionId = rs.getLong(1);
                }
                proof.setString(1, proof(tenant, "off", transactionId));
                proof.executeQuery().close();
                read.setObject(1, org.id().value());
                Organization organization;
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("organization not found");
                    }
                    organization = organization(rs);
                }
                c.commit();
                return organization;
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The SDK's proof (CrmContextKey), by hand: HMAC-SHA256 of both settings and the transaction id, hex. */
    private String proof(String tenant, String system, long transactionId) {
        try {
            Mac mac = (Mac) rawMac.clone();
            return HexFormat.of().formatHex(mac.doFinal(
                    ("crm-context-v1|" + tenant + '|' + system + '|' + transactionId).getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String READ_ORGANIZATION = """
            SELECT id, name, slug, description, website, logo_url, industry, company_size, owner_id,
                   is_active, is_verified, subscription_status, trial_ends_at, settings, created_at, updated_at
              FROM crm.organizations WHERE id = ?""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private static Organization organization(ResultSet rs) throws SQLException, JsonProcessingException {
        String settings = rs.getString(14);
        return new Organization(
                new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                new UserId(rs.getObject(9, UUID.class)), rs.getBoolean(10), rs.getBoolean(11), rs.getString(12),
                instant(rs.getObject(13, OffsetDateTime.class)),
                settings == null ? Map.of() : JSON.readValue(settings, JSON_OBJECT),
                instant(rs.getObject(15, OffsetDateTime.class)), instant(rs.getObject(16, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * The SDK's transaction (store, settings, commit) around the same read done through the
     * transaction's JDBI handle with {@link #organization}'s hand-written mapping instead of the
     * repository's SqlObject method and constructor mapper: the difference to
     * {@link #sdkTenantTransaction} is what the SqlObject call and its mapping cost.
     */
    @Benchmark
    public Organization sdkTransactionPlainMapper() {
        OrganizationId id = org.id();
        return store.inTenant(id, tx -> ((JdbiStoreTransaction) tx).handle()
                .createQuery(READ_ORGANIZATION.replace("?", ":id"))
                .bind("id", id)
                .map((rs, ctx) -> {
                    try {
                        return organization(rs);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .one());
    }

    @Benchmark
    public TenantScope openScope() {
        return crm.tenant(org.id(), owner.id());
    }
}
