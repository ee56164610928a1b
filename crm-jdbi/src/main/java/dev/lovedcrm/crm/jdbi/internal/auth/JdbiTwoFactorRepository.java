package dev.lovedcrm.crm.jdbi.internal.auth;

import dev.lovedcrm.crm.auth.totp.spi.TwoFactorRepository;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.id.UuidV7;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link TwoFactorRepository} over {@code crm.user_two_factor}. The backup-code lists are JSONB arrays
 * of strings, written from the bound {@code text[]} with {@code to_jsonb}.
 */
public interface JdbiTwoFactorRepository extends TwoFactorRepository {

    @Override
    @SqlQuery("""
            SELECT secret_key AS secret, backup_codes AS backup_code_hashes, backup_codes_used AS used_backup_code_hashes,
                   is_enabled AS enabled, confirmed_at, last_used_at
              FROM crm.user_two_factor WHERE organization_id = :organizationId AND user_id = :userId FOR UPDATE""")
    Optional<Stored> lock(OrganizationId organizationId, UserId userId);

    @Override
    default void enrol(OrganizationId organizationId, UserId userId, String secret) {
        enrol(organizationId, UuidV7.next(), userId, secret);
    }

    /**
     * {@link #enrol(OrganizationId, UserId, String)} with the id of a new row.
     *
     * @param organizationId the tenant
     * @param id the id if the row is new
     * @param userId the user
     * @param secret the TOTP secret
     */
    @SqlUpdate("""
            INSERT INTO crm.user_two_factor (organization_id, id, user_id, secret_key)
            VALUES (:organizationId, :id, :userId, :secret)
            ON CONFLICT (organization_id, user_id) DO UPDATE
               SET secret_key = EXCLUDED.secret_key, backup_codes = '[]', backup_codes_used = '[]', is_enabled = false,
                   confirmed_at = NULL, last_used_step = NULL
             WHERE crm.user_two_factor.organization_id = :organizationId""")
    void enrol(OrganizationId organizationId, UUID id, UserId userId, String secret);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_two_factor
               SET backup_codes = to_jsonb(CAST(:backupCodeHashes AS text[])),
                   backup_codes_used = to_jsonb(CAST(:usedBackupCodeHashes AS text[])),
                   is_enabled = :enabled, confirmed_at = :confirmedAt, last_used_at = :lastUsedAt
             WHERE organization_id = :organizationId AND user_id = :userId""")
    void update(OrganizationId organizationId, UserId userId, @BindMethods Stored stored);

    @Override
    @SqlUpdate("""
            UPDATE crm.user_two_factor SET last_used_step = :step, last_used_at = :at
             WHERE organization_id = :organizationId AND user_id = :userId
               AND (last_used_step IS NULL OR last_used_step < :step)""")
    boolean acceptStep(OrganizationId organizationId, UserId userId, long step, Instant at);

    @Override
    @SqlUpdate("DELETE FROM crm.user_two_factor WHERE organization_id = :organizationId AND user_id = :userId")
    void delete(OrganizationId organizationId, UserId userId);
}
