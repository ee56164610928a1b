package dev.lovedcrm.crm.jdbi.internal.auth;

import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import dev.lovedcrm.crm.jdbi.internal.JsonCodec;
import dev.lovedcrm.crm.jdbi.internal.Jsonb;
import dev.lovedcrm.crm.jdbi.internal.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link TwoFactorRepository} over {@code crm.user_two_factor}. */
public interface JdbiTwoFactorRepository extends TwoFactorRepository {

    @Override
    default Optional<Stored> lock(OrganizationId organizationId, UserId userId) {
        return lockRow(organizationId, userId).map(Row::toStored);
    }

    @SqlQuery("""
            SELECT secret_key, backup_codes, backup_codes_used, is_enabled, confirmed_at, last_used_at
              FROM crm.user_two_factor WHERE organization_id = :organizationId AND user_id = :userId FOR UPDATE""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lockRow(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId);

    @Override
    default void enrol(OrganizationId organizationId, UserId userId, String secret) {
        enrolRow(organizationId, UuidV7.next(), userId, secret);
    }

    @SqlUpdate("""
            INSERT INTO crm.user_two_factor (organization_id, id, user_id, secret_key)
            VALUES (:organizationId, :id, :userId, :secret)
            ON CONFLICT (organization_id, user_id) DO UPDATE
               SET secret_key = EXCLUDED.secret_key, backup_codes = '[]', backup_codes_used = '[]', is_enabled = false,
                   confirmed_at = NULL, last_used_step = NULL
             WHERE crm.user_two_factor.organization_id = :organizationId""")
    void enrolRow(@Bind("organizationId") OrganizationId organizationId, @Bind("id") UUID id,
            @Bind("userId") UserId userId, @Bind("secret") String secret);

    @Override
    default void update(OrganizationId organizationId, UserId userId, Stored s) {
        updateRow(organizationId, userId, JsonCodec.write(s.backupCodeHashes()), JsonCodec.write(s.usedBackupCodeHashes()),
                s.enabled(), Times.offset(s.confirmedAt()), Times.offset(s.lastUsedAt()));
    }

    @SqlUpdate("""
            UPDATE crm.user_two_factor
               SET backup_codes = :codes, backup_codes_used = :used, is_enabled = :enabled, confirmed_at = :confirmedAt,
                   last_used_at = :lastUsedAt
             WHERE organization_id = :organizationId AND user_id = :userId""")
    void updateRow(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId,
            @Bind("codes") Jsonb codes, @Bind("used") Jsonb used, @Bind("enabled") boolean enabled,
            @Bind("confirmedAt") OffsetDateTime confirmedAt, @Bind("lastUsedAt") OffsetDateTime lastUsedAt);

    @Override
    default boolean acceptStep(OrganizationId organizationId, UserId userId, long step, Instant at) {
        return acceptStepRow(organizationId, userId, step, Times.offset(at)) == 1;
    }

    @SqlUpdate("""
            UPDATE crm.user_two_factor SET last_used_step = :step, last_used_at = :at
             WHERE organization_id = :organizationId AND user_id = :userId
               AND (last_used_step IS NULL OR last_used_step < :step)""")
    int acceptStepRow(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId,
            @Bind("step") long step, @Bind("at") OffsetDateTime at);

    @Override
    @SqlUpdate("DELETE FROM crm.user_two_factor WHERE organization_id = :organizationId AND user_id = :userId")
    void delete(@Bind("organizationId") OrganizationId organizationId, @Bind("userId") UserId userId);

    /** A row of {@code crm.user_two_factor}. */
    record Row(String secretKey, Jsonb backupCodes, Jsonb backupCodesUsed, boolean isEnabled, OffsetDateTime confirmedAt,
            OffsetDateTime lastUsedAt) {

        Stored toStored() {
            return new Stored(secretKey, strings(backupCodes), strings(backupCodesUsed), isEnabled,
                    Times.instant(confirmedAt), Times.instant(lastUsedAt));
        }

        private static List<String> strings(Jsonb json) {
            return JsonCodec.readArray(json).stream().map(String::valueOf).toList();
        }
    }
}
