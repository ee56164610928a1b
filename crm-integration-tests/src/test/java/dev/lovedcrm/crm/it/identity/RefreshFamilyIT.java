package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.IssuedSession;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.MutableClock;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue "Hardening", item 4: reuse detection covers the whole refresh-token family, and the grace window
 * lets a client that lost a response get its pair back without letting a replayer mint new pairs.
 */
@CrmDatabaseTest
class RefreshFamilyIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.atNow();
    private static final List<DomainEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static CrmTestDatabase db;
    private static Crm crm;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).clock(CLOCK)
                .authSettings(AuthSettings.defaults()).eventListener(EVENTS::add).build();
    }

    private static String newUser() {
        String email = "family" + SEQUENCE.incrementAndGet() + "@example.com";
        crm.users().register(NewUser.of(email, PASSWORD, "Family User"));
        return email;
    }

    private static IssuedSession login(String email) {
        return crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()));
    }

    // The attack: R0 → R1 → R2, then R0 answered auth.invalid_token and the session lived on.
    @Test
    void anyEarlierTokenOfTheFamilyRevokesTheSession() {
        IssuedSession r0 = login(newUser());
        IssuedSession r1 = crm.auth().refresh(r0.refreshToken());
        CLOCK.advance(Duration.ofSeconds(30));
        IssuedSession r2 = crm.auth().refresh(r1.refreshToken());
        CLOCK.advance(Duration.ofSeconds(30));

        Expect.code("auth.refresh_token_reused", () -> crm.auth().refresh(r0.refreshToken()));

        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(r2.sessionToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().refresh(r2.refreshToken()));
        assertThat(EVENTS).filteredOn(e -> e.type().equals("session.refresh_reused"))
                .anySatisfy(e -> assertThat(e.data()).containsEntry("sessionId", r0.session().id().toString()));
    }

    @Test
    void aReuseInAnOrganizationReachesTheOutbox() throws SQLException {
        String email = newUser();
        User user = crm.users().findByEmail(email).orElseThrow();
        Organization org = crm.organizations().create(user.id(), NewOrganization.named("Outbox Co"));
        IssuedSession r0 = crm.auth().login(LoginRequest.of(email, PASSWORD, ClientInfo.unknown()).organization(org.id(), null));
        IssuedSession r1 = crm.auth().refresh(r0.refreshToken());
        crm.auth().refresh(r1.refreshToken());

        Expect.code("auth.refresh_token_reused", () -> crm.auth().refresh(r0.refreshToken()));

        assertThat(Sql.strings(db.ownerDataSource(), "SELECT payload->>'sessionId' FROM crm.domain_events"
                + " WHERE organization_id = ? AND event_type = 'session.refresh_reused'", org.id().value()))
                .containsExactly(r0.session().id().toString());
    }

    @Test
    void aForgedTokenOfAnUnknownFamilyIsJustInvalid() {
        IssuedSession r0 = login(newUser());
        String forged = "AAAAAAAAAAAAAAAAAAAAAA." + r0.refreshToken().substring(23);

        Expect.code("auth.invalid_token", () -> crm.auth().refresh(forged));
        assertThat(crm.auth().authenticate(r0.sessionToken())).isNotNull();
    }

    // The attack: a replay of R0 within 10 s after the holder refreshed minted a new pair, silently killed
    // the holder's pair, and one stale token minted 5 pairs in one window.
    @Test
    void aReplayWithinTheGraceWindowGetsTheHoldersPairAndMintsNothing() {
        IssuedSession r0 = login(newUser());
        IssuedSession holder = crm.auth().refresh(r0.refreshToken());

        List<IssuedSession> replays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CLOCK.advance(Duration.ofSeconds(1));
            replays.add(crm.auth().refresh(r0.refreshToken()));
        }

        assertThat(replays).extracting(IssuedSession::refreshToken).containsOnly(holder.refreshToken());
        assertThat(replays).extracting(IssuedSession::sessionToken).containsOnly(holder.sessionToken());
        assertThat(crm.auth().authenticate(holder.sessionToken())).as("the holder's pair lives").isNotNull();
        assertThat(crm.auth().refresh(holder.refreshToken())).isNotNull();
        Expect.code("auth.refresh_token_reused", () -> crm.auth().refresh(r0.refreshToken()));
    }

    @Test
    void aRetryAfterTheWindowIsAReuse() {
        IssuedSession r0 = login(newUser());
        IssuedSession r1 = crm.auth().refresh(r0.refreshToken());
        CLOCK.advance(Duration.ofSeconds(11));

        Expect.code("auth.refresh_token_reused", () -> crm.auth().refresh(r0.refreshToken()));
        Expect.code("auth.invalid_token", () -> crm.auth().authenticate(r1.sessionToken()));
    }

    @Test
    void concurrentRefreshesOfOneTokenAllGetTheSamePair() throws Exception {
        IssuedSession r0 = login(newUser());
        Callable<?>[] calls = new Callable<?>[8];
        java.util.Arrays.fill(calls, (Callable<Object>) () -> crm.auth().refresh(r0.refreshToken()));

        List<Object> outcomes = Race.run(calls);

        assertThat(outcomes).allMatch(IssuedSession.class::isInstance);
        assertThat(outcomes.stream().map(o -> ((IssuedSession) o).refreshToken()).distinct()).hasSize(1);
        assertThat(crm.auth().authenticate(((IssuedSession) outcomes.get(0)).sessionToken())).isNotNull();
    }

    @Test
    void theRetryPairIsNotReadableAtRest() throws SQLException {
        IssuedSession r0 = login(newUser());
        IssuedSession r1 = crm.auth().refresh(r0.refreshToken());

        String row = Sql.string(db.ownerDataSource(), "SELECT concat_ws('|', session_token, refresh_token, refresh_token_previous,"
                + " refresh_token_family, refresh_retry_pair) FROM crm.user_sessions WHERE id = ?", r0.session().id().value());
        for (String secret : List.of(r0.refreshToken(), r1.refreshToken(), r1.sessionToken(), r0.refreshToken().substring(0, 22),
                r1.refreshToken().substring(23))) {
            assertThat(row).doesNotContain(secret);
        }
    }
}
