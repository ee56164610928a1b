package dev.lovedcrm.crm.jdbi.internal.auth;

import dev.lovedcrm.crm.auth.spi.ThrottleRepository;
import dev.lovedcrm.crm.jdbi.internal.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link ThrottleRepository} over {@code crm.auth_throttle} (global). */
public interface JdbiThrottleRepository extends ThrottleRepository {

    @Override
    default Optional<Throttle> find(String key) {
        return findRow(key).map(r -> new Throttle(r.failures(), Times.instant(r.lockedUntil())));
    }

    @SqlQuery("SELECT failures, locked_until FROM crm.auth_throttle WHERE throttle_key = :key")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRow(@Bind("key") String key);

    @Override
    default int recordFailure(String key, Instant at) {
        return recordFailureRow(key, Times.offset(at));
    }

    @SqlQuery("""
            INSERT INTO crm.auth_throttle (throttle_key, failures, last_failure_at) VALUES (:key, 1, :at)
            ON CONFLICT (throttle_key) DO UPDATE
               SET failures = crm.auth_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at
            RETURNING failures""")
    int recordFailureRow(@Bind("key") String key, @Bind("at") OffsetDateTime at);

    @Override
    default void lock(String key, Instant lockedUntil) {
        lockRow(key, Times.offset(lockedUntil));
    }

    @SqlUpdate("UPDATE crm.auth_throttle SET locked_until = :until WHERE throttle_key = :key")
    void lockRow(@Bind("key") String key, @Bind("until") OffsetDateTime lockedUntil);

    @Override
    @SqlUpdate("DELETE FROM crm.auth_throttle WHERE throttle_key = :key")
    void clear(@Bind("key") String key);

    @Override
    default int purge(Instant cutoff) {
        return purgeRows(Times.offset(cutoff));
    }

    @SqlUpdate("""
            DELETE FROM crm.auth_throttle
             WHERE last_failure_at < :cutoff AND (locked_until IS NULL OR locked_until < :cutoff)""")
    int purgeRows(@Bind("cutoff") OffsetDateTime cutoff);

    /** A throttle row. */
    record Row(int failures, OffsetDateTime lockedUntil) {
    }
}
