package dev.lovedcrm.crm.benchmarks;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.auth.AuthenticatedSession;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.user.NewUser;
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

/** Sign-in (dominated by argon2id at m = 19 MiB, t = 2), a bare hash, and authenticating a session token. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AuthBenchmark {

    private static final String PASSWORD = "correct horse battery staple";
    private final char[] password = PASSWORD.toCharArray();
    private final Argon2idPasswordHasher hasher = Argon2idPasswordHasher.owaspMinimum();
    private BenchmarkDatabase db;
    private Crm crm;
    private IssuedSession session;
    private final ClientInfo client = ClientInfo.of("10.0.0.1", "jmh");

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchmarkDatabase(4);
        crm = Crm.builder().store(JdbiCrmStore.create(db.pool, JdbiCrmStore.Options.defaults().contextKey(db.database.contextKey()))).passwordHasher(hasher).build();
        crm.users().register(NewUser.of("bench@example.com", PASSWORD, "Bench"));
        session = crm.auth().login(LoginRequest.of("bench@example.com", PASSWORD, client));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public String argon2idHash() {
        return hasher.hash(password);
    }

    @Benchmark
    public IssuedSession login() {
        return crm.auth().login(LoginRequest.of("bench@example.com", PASSWORD, client));
    }

    @Benchmark
    public AuthenticatedSession authenticate() {
        return crm.auth().authenticate(session.sessionToken());
    }
}
