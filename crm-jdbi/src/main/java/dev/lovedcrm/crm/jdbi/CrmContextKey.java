package dev.lovedcrm.crm.jdbi;

import dev.lovedcrm.crm.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that seals the SDK's row-level security context. The SDK proves every transaction's
 * tenant (or system mode) to PostgreSQL with an HMAC-SHA256 under this key, bound to the transaction
 * id; the policies admit rows only when that proof verifies, so SQL that runs as the application role
 * outside the SDK cannot switch tenants or system mode by setting {@code crm.organization_id} or
 * {@code crm.system} itself. See {@code docs/security.md} ("The database wall").
 *
 * <p>Protect it like a database password: give the same key to {@link CrmDatabase#migrate(javax.sql.DataSource,
 * String, CrmContextKey)} (which stores it where only the schema owner can read it) and to
 * {@link JdbiCrmStore#create(javax.sql.DataSource, JdbiCrmStore.Options)}. {@link #toString()} never
 * prints it.
 *
 * <pre>{@code
 * CrmContextKey key = CrmContextKey.fromBase64(System.getenv("CRM_CONTEXT_KEY")); // 32 random bytes, Base64
 * }</pre>
 */
public final class CrmContextKey {

    /** The smallest key accepted, in bytes. */
    public static final int MIN_LENGTH = 32;

    /** The largest key accepted, in bytes: one SHA-256 block, so the HMAC pads are the key itself. */
    public static final int MAX_LENGTH = 64;

    /**
     * Both settings, transaction-local, in one statement, which also reads the transaction id the proof is
     * bound to: no setting is left to chance.
     */
    private static final String SETTINGS_SQL = "SELECT txid_current(), set_config('" + JdbiCrmStore.TENANT_SETTING
            + "', ?, true), set_config('" + JdbiCrmStore.SYSTEM_SETTING + "', ?, true)";

    /** The proof of both settings for this transaction. */
    private static final String PROOF_SQL = "SELECT set_config('" + JdbiCrmStore.PROOF_SETTING + "', ?, true)";

    private static final int BLOCK = 64;
    private static final String PREFIX = "crm-context-v1|";

    private final byte[] key;
    /** Initialised once; each proof works on a clone (no provider look-up, no key schedule per transaction). */
    private final Mac prototype;

    private CrmContextKey(byte[] key) {
        this.key = key.clone();
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(this.key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * A new random key of 32 bytes.
     *
     * @return the key
     */
    public static CrmContextKey generate() {
        byte[] bytes = new byte[MIN_LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new CrmContextKey(bytes);
    }

    /**
     * A key from its bytes.
     *
     * @param bytes 32 to 64 random bytes
     * @return the key
     * @throws ValidationException naming {@code contextKey} when the length is outside 32–64 bytes
     */
    public static CrmContextKey of(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw ValidationException.of("contextKey", "must be 32 to 64 random bytes");
        }
        return new CrmContextKey(bytes);
    }

    /**
     * A key from Base64 (standard or URL-safe alphabet, padding optional).
     *
     * @param base64 the encoded key, 32 to 64 bytes once decoded
     * @return the key
     * @throws ValidationException naming {@code contextKey} when it is not Base64 of 32 to 64 bytes
     */
    public static CrmContextKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw ValidationException.of("contextKey", "is required");
        }
        String normalised = base64.strip().replace('-', '+').replace('_', '/');
        try {
            return of(Base64.getDecoder().decode(normalised));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("contextKey", "must be Base64");
        }
    }

    /**
     * The key in standard Base64, for storing it in the host's secret store.
     *
     * @return the encoded key
     */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Opens the sealed context of a tenant on a connection whose transaction is open (auto-commit off), as
     * {@link JdbiCrmStore} does at the start of every tenant transaction: sets {@code crm.organization_id} to the
     * organization and {@code crm.system} to {@code off} and reads the transaction id in one statement, then
     * {@code crm.context_proof} in a second. All three are transaction-local. For SQL of the host's own that must
     * run under the tenant's row-level security; the SDK never needs it.
     *
     * @param connection a connection as the runtime role, inside a transaction
     * @param organizationId the tenant
     * @throws SQLException when a statement fails
     */
    public void sealTenant(Connection connection, UUID organizationId) throws SQLException {
        seal(connection, Objects.requireNonNull(organizationId, "organizationId").toString(), "off");
    }

    /** Sets both settings and reads the transaction id in one statement, then the proof in a second. */
    void seal(Connection connection, String tenant, String system) throws SQLException {
        long transactionId;
        try (PreparedStatement settings = connection.prepareStatement(SETTINGS_SQL)) {
            settings.setString(1, tenant);
            settings.setString(2, system);
            try (ResultSet row = settings.executeQuery()) {
                row.next();
                transactionId = row.getLong(1);
            }
        }
        try (PreparedStatement proof = connection.prepareStatement(PROOF_SQL)) {
            proof.setString(1, proof(tenant, system, transactionId));
            proof.executeQuery().close();
        }
    }

    /**
     * The proof the store sets as {@code crm.context_proof}: lower-case hex of HMAC-SHA256 over
     * {@code crm-context-v1|<tenant setting>|<system setting>|<transaction id>}.
     */
    String proof(String tenant, String system, long transactionId) {
        byte[] message = (PREFIX + tenant + '|' + system + '|' + transactionId).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(mac().doFinal(message));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
                throw new IllegalStateException("HmacSHA256 is not available", impossible);
            }
        }
    }

    /** The RFC 2104 inner pad, key XOR 0x36 over one 64-byte block, as the database stores it. */
    byte[] innerPad() {
        return pad((byte) 0x36);
    }

    /** The RFC 2104 outer pad, key XOR 0x5c over one 64-byte block, as the database stores it. */
    byte[] outerPad() {
        return pad((byte) 0x5c);
    }

    private byte[] pad(byte with) {
        byte[] block = Arrays.copyOf(key, BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            block[i] ^= with;
        }
        return block;
    }

    /**
     * Keys are equal when their bytes are (compared in constant time).
     *
     * @param other another object
     * @return true for the same key
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CrmContextKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return 0; // no hash of a secret
    }

    /**
     * Never the key.
     *
     * @return {@code CrmContextKey[…]}
     */
    @Override
    public String toString() {
        return "CrmContextKey[…]";
    }
}
