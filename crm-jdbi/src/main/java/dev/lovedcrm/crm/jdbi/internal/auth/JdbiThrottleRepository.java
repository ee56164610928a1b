package dev.lovedcrm.crm.jdbi.internal.auth;

import dev.lovedcrm.crm.auth.throttle.spi.ThrottleRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link ThrottleRepository} over {@code crm.auth_throttle} (global). */
public interface JdbiThrottleRepository extends ThrottleRepository {

    @Override
    @SqlQuery("SELECT failures, locked_until FROM crm.auth_throttle WHERE throttle_key = :key")
    Optional<Throttle> find(String key);

    @Override
    @SqlQuery("""
            INSERT INTO crm.auth_throttle AS t (throttle_key, failures, last_failure_at) VALUES (:key, 1, :at)
            ON CONFLICT (throttle_key) DO UPDATE
               SET failures = t.failures + 1, last_failure_at = EXCLUDED.last_failure_at, locked_until = NULL
             WHERE t.locked_until IS NULL OR t.locked_until <= EXCLUDED.last_failure_at
            RETURNING failures""")
    Optional<Integer> reserve(String key, Instant at);

    @Override
    @SqlUpdate("""
            UPDATE crm.auth_throttle
               SET failures = GREATEST(failures - 1, 0),
                   locked_until = CASE WHEN failures - 1 < :threshold THEN NULL ELSE locked_until END
             WHERE throttle_key = :key""")
    void release(String key, int threshold);

    @Override
    @SqlQuery("""
            INSERT INTO crm.auth_throttle (throttle_key, failures, last_failure_at) VALUES (:key, 1, :at)
            ON CONFLICT (throttle_key) DO UPDATE
               SET failures = crm.auth_throttle.failures + 1, last_failure_at = EXCLUDED.last_failure_at
            RETURNING failures""")
    int recordFailure(String key, Instant at);

    @Override
    @SqlUpdate("UPDATE crm.auth_throttle SET locked_until = :lockedUntil WHERE throttle_key = :key")
    void lock(String key, Instant lockedUntil);

    @Override
    @SqlUpdate("DELETE FROM crm.auth_throttle WHERE throttle_key = :key")
    void clear(String key);

    @Override
    @SqlUpdate("DELETE FROM crm.auth_throttle WHERE starts_with(throttle_key, :prefix)")
    int clearPrefix(String prefix);

    @Override
    @SqlUpdate("""
            DELETE FROM crm.auth_throttle
             WHERE last_failure_at < :cutoff AND (locked_until IS NULL OR locked_until < :cutoff)""")
    int purge(Instant cutoff);
}
