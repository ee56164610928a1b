package dev.lovedcrm.crm.jdbi.internal.user;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.jdbi.internal.Times;
import dev.lovedcrm.crm.user.User;
import dev.lovedcrm.crm.user.spi.UserRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link UserRepository} over {@code crm.users} (a global table: no tenant filter applies). */
public interface JdbiUserRepository extends UserRepository {

    /** The columns of {@link Row}. */
    String COLUMNS = """
            id, email, full_name, bio, location, avatar_url, phone, timezone, language, google_id, is_active,
            is_verified, is_superuser, must_change_password, last_login, verified_at, created_at, updated_at""";

    @Override
    default void insert(User u, String passwordHash) {
        insertRow(u.id(), u.email(), passwordHash, u.fullName(), u.bio(), u.location(), u.avatarUrl(), u.phone(),
                u.timezone(), u.language(), u.verified(), Times.offset(u.verifiedAt()));
    }

    @SqlUpdate("""
            INSERT INTO crm.users (id, email, hashed_password, full_name, bio, location, avatar_url, phone, timezone, language,
                                   is_verified, verified_at)
            VALUES (:id, :email, :hash, :fullName, :bio, :location, :avatarUrl, :phone, :timezone, :language,
                    :verified, :verifiedAt)""")
    void insertRow(@Bind("id") UserId id, @Bind("email") String email, @Bind("hash") String passwordHash,
            @Bind("fullName") String fullName, @Bind("bio") String bio, @Bind("location") String location,
            @Bind("avatarUrl") String avatarUrl, @Bind("phone") String phone, @Bind("timezone") String timezone,
            @Bind("language") String language, @Bind("verified") boolean verified,
            @Bind("verifiedAt") OffsetDateTime verifiedAt);

    @Override
    default Optional<User> findById(UserId id) {
        return findRow(id).map(Row::toUser);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE id = :id")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRow(@Bind("id") UserId id);

    @Override
    default Optional<User> findByEmail(String email) {
        return findRowByEmail(email).map(Row::toUser);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE lower(email) = :email")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRowByEmail(@Bind("email") String email);

    @Override
    default Optional<User> findByGoogleId(String googleId) {
        return findRowByGoogleId(googleId).map(Row::toUser);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM crm.users WHERE google_id = :googleId")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRowByGoogleId(@Bind("googleId") String googleId);

    @Override
    default Optional<Credentials> lockCredentialsByEmail(String email) {
        return lockCredentialRows("lower(email) = :key", email).map(CredentialsRow::toCredentials);
    }

    @Override
    default Optional<Credentials> lockCredentials(UserId id) {
        return lockCredentialRows("id = CAST(:key AS uuid)", id.toString()).map(CredentialsRow::toCredentials);
    }

    @SqlQuery("SELECT " + COLUMNS + ", hashed_password, failed_login_count, locked_until FROM crm.users"
            + " WHERE <condition> FOR UPDATE")
    @RegisterConstructorMapper(CredentialsRow.class)
    Optional<CredentialsRow> lockCredentialRows(@Define("condition") String condition, @Bind("key") String key);

    @Override
    default void update(User u) {
        updateRow(u.id(), u.fullName(), u.bio(), u.location(), u.avatarUrl(), u.phone(), u.timezone(), u.language(),
                u.googleId(), u.active(), u.verified(), u.superuser(), u.mustChangePassword(), Times.offset(u.verifiedAt()));
    }

    @SqlUpdate("""
            UPDATE crm.users SET full_name = :fullName, bio = :bio, location = :location, avatar_url = :avatarUrl,
                   phone = :phone, timezone = :timezone, language = :language, google_id = :googleId,
                   is_active = :active, is_verified = :verified, is_superuser = :superuser,
                   must_change_password = :mustChangePassword, verified_at = :verifiedAt
             WHERE id = :id""")
    void updateRow(@Bind("id") UserId id, @Bind("fullName") String fullName, @Bind("bio") String bio,
            @Bind("location") String location, @Bind("avatarUrl") String avatarUrl, @Bind("phone") String phone,
            @Bind("timezone") String timezone, @Bind("language") String language, @Bind("googleId") String googleId,
            @Bind("active") boolean active, @Bind("verified") boolean verified, @Bind("superuser") boolean superuser,
            @Bind("mustChangePassword") boolean mustChangePassword, @Bind("verifiedAt") OffsetDateTime verifiedAt);

    @Override
    @SqlUpdate("UPDATE crm.users SET hashed_password = :hash WHERE id = :id")
    void updatePasswordHash(@Bind("id") UserId id, @Bind("hash") String passwordHash);

    @Override
    default void setToken(UserId id, TokenKind kind, String tokenHash, Instant expiresAt) {
        setTokenRow(id, tokenColumn(kind), expiryColumn(kind), tokenHash, Times.offset(expiresAt));
    }

    @SqlUpdate("UPDATE crm.users SET <token> = :hash, <expiry> = :expiresAt WHERE id = :id")
    void setTokenRow(@Bind("id") UserId id, @Define("token") String tokenColumn, @Define("expiry") String expiryColumn,
            @Bind("hash") String tokenHash, @Bind("expiresAt") OffsetDateTime expiresAt);

    @Override
    default Optional<TokenHolder> lockByToken(TokenKind kind, String tokenHash) {
        return lockTokenRow(tokenColumn(kind), expiryColumn(kind), tokenHash)
                .map(r -> new TokenHolder(r.user().toUser(), Times.instant(r.tokenExpiresAt())));
    }

    @SqlQuery("SELECT " + COLUMNS + ", <expiry> AS token_expires_at FROM crm.users WHERE <token> = :hash FOR UPDATE")
    @RegisterConstructorMapper(TokenRow.class)
    Optional<TokenRow> lockTokenRow(@Define("token") String tokenColumn, @Define("expiry") String expiryColumn,
            @Bind("hash") String tokenHash);

    @Override
    default void recordFailedLogin(UserId id, int failedLogins, Instant lockedUntil) {
        recordFailedLoginRow(id, failedLogins, Times.offset(lockedUntil));
    }

    @SqlUpdate("UPDATE crm.users SET failed_login_count = :count, locked_until = :lockedUntil WHERE id = :id")
    void recordFailedLoginRow(@Bind("id") UserId id, @Bind("count") int failedLogins,
            @Bind("lockedUntil") OffsetDateTime lockedUntil);

    @Override
    default void recordLogin(UserId id, Instant at) {
        recordLoginRow(id, Times.offset(at));
    }

    @SqlUpdate("UPDATE crm.users SET failed_login_count = 0, locked_until = NULL, last_login = :at WHERE id = :id")
    void recordLoginRow(@Bind("id") UserId id, @Bind("at") OffsetDateTime at);

    private static String tokenColumn(TokenKind kind) {
        return kind == TokenKind.EMAIL_VERIFICATION ? "email_verification_token" : "password_reset_token";
    }

    private static String expiryColumn(TokenKind kind) {
        return kind == TokenKind.EMAIL_VERIFICATION ? "email_verification_expires" : "password_reset_expires";
    }

    /** One row of {@code crm.users}, without secrets. */
    record Row(UserId id, String email, String fullName, String bio, String location, String avatarUrl, String phone,
            String timezone, String language, String googleId, boolean isActive, boolean isVerified,
            boolean isSuperuser, boolean mustChangePassword, OffsetDateTime lastLogin, OffsetDateTime verifiedAt,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        User toUser() {
            return new User(id, email, fullName, bio, location, avatarUrl, phone, timezone, language, googleId, isActive,
                    isVerified, isSuperuser, mustChangePassword, Times.instant(lastLogin), Times.instant(verifiedAt),
                    Times.instant(createdAt), Times.instant(updatedAt));
        }
    }

    /** A user row with its sign-in data. */
    record CredentialsRow(@Nested Row user, String hashedPassword, int failedLoginCount, OffsetDateTime lockedUntil) {

        Credentials toCredentials() {
            return new Credentials(user.toUser(), hashedPassword, failedLoginCount, Times.instant(lockedUntil));
        }
    }

    /** A user row with the expiry of the token it was found by. */
    record TokenRow(@Nested Row user, OffsetDateTime tokenExpiresAt) {
    }
}
