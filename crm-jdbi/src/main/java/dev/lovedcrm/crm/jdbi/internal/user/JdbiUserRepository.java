package dev.lovedcrm.crm.jdbi.internal.user;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.user.User;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link UserRepository} over {@code crm.users} (a global table: no tenant filter applies). */
public interface JdbiUserRepository extends UserRepository {

    /** The columns of {@link User}, named as its components. */
    String COLUMNS = """
            id, email, full_name, bio, location, avatar_url, phone, timezone, language, google_id, is_active AS active,
            is_verified AS verified, is_superuser AS superuser, must_change_password, last_login, verified_at,
            created_at, updated_at""";

    /** {@link #COLUMNS} and the sign-in data of {@link Credentials}. */
    String CREDENTIALS_COLUMNS = COLUMNS
            + ", hashed_password AS password_hash, failed_login_count AS failed_logins, locked_until";

    @Override
    @SqlUpdate("""
            INSERT INTO crm.users (id, email, hashed_password, full_name, bio, location, avatar_url, phone, timezone, language,
                                   is_verified, verified_at)
            VALUES (:id, :email, :passwordHash, :fullName, :bio, :location, :avatarUrl, :phone, :timezone, :language,
                    :verified, :verifiedAt)""")
    void insert(@BindMethods User user, String passwordHash);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE id = :id")
    Optional<User> findById(UserId id);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE lower(email) = :email")
    Optional<User> findByEmail(String email);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE google_id = :googleId")
    Optional<User> findByGoogleId(String googleId);

    @Override
    @SqlQuery("SELECT " + CREDENTIALS_COLUMNS + " FROM crm.users WHERE lower(email) = :email FOR UPDATE")
    Optional<Credentials> lockCredentialsByEmail(String email);

    @Override
    @SqlQuery("SELECT " + CREDENTIALS_COLUMNS + " FROM crm.users WHERE id = :id FOR UPDATE")
    Optional<Credentials> lockCredentials(UserId id);

    @Override
    @SqlUpdate("""
            UPDATE crm.users SET full_name = :fullName, bio = :bio, location = :location, avatar_url = :avatarUrl,
                   phone = :phone, timezone = :timezone, language = :language, google_id = :googleId,
                   is_active = :active, is_verified = :verified, is_superuser = :superuser,
                   must_change_password = :mustChangePassword, verified_at = :verifiedAt
             WHERE id = :id""")
    void update(@BindMethods User user);

    @Override
    @SqlUpdate("UPDATE crm.users SET hashed_password = :passwordHash WHERE id = :id")
    void updatePasswordHash(UserId id, String passwordHash);

    @Override
    default void setToken(UserId id, TokenKind kind, String tokenHash, Instant expiresAt) {
        setTokenColumns(tokenColumn(kind), expiryColumn(kind), id, tokenHash, expiresAt);
    }

    /** {@link #setToken} on the columns of one token kind. */
    @SqlUpdate("UPDATE crm.users SET <token> = :tokenHash, <expiry> = :expiresAt WHERE id = :id")
    void setTokenColumns(@Define("token") String tokenColumn, @Define("expiry") String expiryColumn, UserId id,
            String tokenHash, Instant expiresAt);

    @Override
    default Optional<TokenHolder> lockByToken(TokenKind kind, String tokenHash) {
        return lockByTokenColumns(tokenColumn(kind), expiryColumn(kind), tokenHash);
    }

    /** {@link #lockByToken} on the columns of one token kind. */
    @SqlQuery("SELECT " + COLUMNS + ", <expiry> AS expires_at FROM crm.users WHERE <token> = :tokenHash FOR UPDATE")
    Optional<TokenHolder> lockByTokenColumns(@Define("token") String tokenColumn, @Define("expiry") String expiryColumn,
            String tokenHash);

    @Override
    @SqlUpdate("UPDATE crm.users SET failed_login_count = :failedLogins, locked_until = :lockedUntil WHERE id = :id")
    void recordFailedLogin(UserId id, int failedLogins, Instant lockedUntil);

    @Override
    @SqlUpdate("UPDATE crm.users SET failed_login_count = 0, locked_until = NULL, last_login = :at WHERE id = :id")
    void recordLogin(UserId id, Instant at);

    private static String tokenColumn(TokenKind kind) {
        return kind == TokenKind.EMAIL_VERIFICATION ? "email_verification_token" : "password_reset_token";
    }

    private static String expiryColumn(TokenKind kind) {
        return kind == TokenKind.EMAIL_VERIFICATION ? "email_verification_expires" : "password_reset_expires";
    }
}
