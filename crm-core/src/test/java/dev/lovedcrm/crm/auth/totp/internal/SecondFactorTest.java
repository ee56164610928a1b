package dev.lovedcrm.crm.auth.totp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TOTP acceptance with a fixed {@link Clock}: one step of skew either side, and replay protection
 * (a step is accepted once, and never one older than the last accepted). The repository fake keeps
 * the same rule as the SQL ({@code UPDATE … WHERE last_used_step IS NULL OR last_used_step < :step});
 * its atomicity under concurrency is tested against PostgreSQL in {@code TwoFactorIT}.
 */
class SecondFactorTest {

    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:15Z");
    private static final OrganizationId ORG = OrganizationId.generate();
    private static final UserId USER = UserId.generate();
    private final Totp totp = new Totp();
    private final LastStep repository = new LastStep();

    private SecondFactor at(Instant instant) {
        return new SecondFactor(NO_HASHER, Clock.fixed(instant, ZoneOffset.UTC), new SecureRandom());
    }

    private boolean accept(Instant now, long step) {
        return at(now).acceptTotp(repository, ORG, USER, SECRET, totp.code(SECRET, step));
    }

    @Test
    void acceptsTheCurrentStepAndOneStepOfSkewEitherSide() {
        long step = Totp.step(NOW);

        assertThat(accept(NOW, step - 1)).isTrue();
        assertThat(accept(NOW, step)).isTrue();
        assertThat(accept(NOW, step + 1)).isTrue();
    }

    @Test
    void refusesTwoStepsOfSkew() {
        long step = Totp.step(NOW);

        assertThat(accept(NOW, step - 2)).isFalse();
        assertThat(accept(NOW, step + 2)).isFalse();
        assertThat(repository.last).isNull();
    }

    @Test
    void acceptsEachCodeOnceAndNoOlderStepAfterANewerOne() {
        long step = Totp.step(NOW);

        assertThat(accept(NOW, step)).isTrue();
        assertThat(accept(NOW, step)).as("replay").isFalse();
        assertThat(accept(NOW.plusSeconds(1), step)).as("replay a second later").isFalse();
        assertThat(accept(NOW, step - 1)).as("older step after a newer one").isFalse();
        assertThat(accept(NOW.plusSeconds(Totp.PERIOD_SECONDS), step + 1)).isTrue();
        assertThat(repository.last).isEqualTo(step + 1);
    }

    @Test
    void refusesMalformedCodesWithoutTouchingTheRepository() {
        for (String code : new String[] {null, "", "12345", "1234567", "abcdef", "12 345"}) {
            assertThat(at(NOW).accept(repository, ORG, USER,
                    new TwoFactorRepository.Stored(SECRET, java.util.List.of(), java.util.List.of(), true, NOW, null), code))
                    .as(String.valueOf(code)).isFalse();
        }
        assertThat(repository.last).isNull();
    }

    /**
     * The attack: a wrong backup code cost about ten argon2id runs (one per stored code). With a selector
     * in front of the secret, any backup-code guess costs exactly one slow hash, and the right code too.
     */
    @Test
    void aBackupCodeGuessCostsOneSlowHash() {
        CountingHasher hasher = new CountingHasher();
        SecondFactor factor = new SecondFactor(hasher, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        java.util.List<String> codes = factor.newBackupCodes();
        assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        assertThat(codes.stream().map(c -> c.substring(0, 2)).distinct()).as("selectors are distinct").hasSize(10);
        TwoFactorRepository.Stored stored = new TwoFactorRepository.Stored(SECRET, factor.hash(codes), java.util.List.of(),
                true, NOW, null);
        assertThat(stored.backupCodeHashes()).allSatisfy(h -> assertThat(h).matches("[a-z2-9]{2}:h:[a-z2-9]{10}"));
        hasher.verifications = 0;

        String wrongSecret = codes.get(3).substring(0, 5) + "2222-2222";
        String unknownSelector = "11" + codes.get(3).substring(2);
        for (String guess : new String[] {wrongSecret, unknownSelector, "abcd-efgh-jkmn"}) {
            int before = hasher.verifications;
            assertThat(factor.accept(repository, ORG, USER, stored, guess)).as(guess).isFalse();
            assertThat(hasher.verifications - before).as("slow hashes for " + guess).isEqualTo(1);
        }
        int before = hasher.verifications;
        assertThat(factor.accept(repository, ORG, USER, stored, codes.get(3).toUpperCase())).isTrue();
        assertThat(hasher.verifications - before).isEqualTo(1);
        assertThat(repository.updated.backupCodeHashes()).hasSize(9);
        assertThat(repository.updated.usedBackupCodeHashes()).hasSize(1);
    }

    @Test
    void storedCodesWithoutASelectorAreNeverAccepted() {
        CountingHasher hasher = new CountingHasher();
        SecondFactor factor = new SecondFactor(hasher, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
        TwoFactorRepository.Stored legacy = new TwoFactorRepository.Stored(SECRET, java.util.List.of("h:abcdefghjk"),
                java.util.List.of(), true, NOW, null);

        assertThat(factor.accept(repository, ORG, USER, legacy, "abcde-fghjk")).isFalse();
        assertThat(factor.accept(repository, ORG, USER, legacy, "ab-abcdefghjk")).isFalse();
        assertThat(hasher.verifications).isZero();
    }

    /** A fast stand-in for argon2id that counts verifications. */
    private static final class CountingHasher implements PasswordHasher {
        int verifications;

        @Override
        public String hash(char[] password) {
            return "h:" + new String(password);
        }

        @Override
        public boolean verify(String hash, char[] password) {
            verifications++;
            return hash.equals("h:" + new String(password));
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }
    }

    /** Keeps the last accepted step, accepting only a later one, like the conditional UPDATE. */
    private static final class LastStep implements TwoFactorRepository {
        Long last;
        Stored updated;

        @Override
        public boolean acceptStep(OrganizationId organizationId, UserId userId, long step, Instant at) {
            if (last != null && last >= step) {
                return false;
            }
            last = step;
            return true;
        }

        @Override
        public Optional<Stored> lock(OrganizationId organizationId, UserId userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void enrol(OrganizationId organizationId, UserId userId, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(OrganizationId organizationId, UserId userId, Stored stored) {
            updated = stored;
        }

        @Override
        public void delete(OrganizationId organizationId, UserId userId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final PasswordHasher NO_HASHER = new PasswordHasher() {
        @Override
        public String hash(char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verify(String hash, char[] password) {
            return false;
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }
    };
}
