package dev.lovedcrm.crm.auth.internal;

import dev.lovedcrm.crm.id.SessionId;
import dev.lovedcrm.crm.internal.Tokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens of one session family: {@code <family>.<secret>}, where the family part (128 random
 * bits) is the same for every token of a session and the secret part (256 bits) is new at each rotation.
 * The store keeps the SHA-256 of the whole token and of the family part, so any earlier token of a
 * session is recognised as a replay, not as an unknown token.
 *
 * <p>The pair issued at a rotation is also kept sealed (AES-256-GCM) under a key derived with
 * HMAC-SHA256 from the refresh token that was rotated, so a client that lost the response and retries
 * with that token inside the grace window gets the very same pair back, while the database alone (which
 * holds only that token's SHA-256) cannot open it.
 */
final class RefreshTokens {

    private static final int FAMILY_BYTES = 16;
    private static final int FAMILY_CHARS = 22;
    private static final int IV_BYTES = 12;
    private static final byte[] KEY_LABEL = "loved-crm/refresh-retry-pair/v1".getBytes(StandardCharsets.US_ASCII);

    private RefreshTokens() {
    }

    static String newFamily(SecureRandom random) {
        byte[] bytes = new byte[FAMILY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newToken(String family, SecureRandom random) {
        return family + "." + Tokens.generate(random);
    }

    /** The family part of a token, or {@code null} for a token without one. */
    static String familyOf(String token) {
        int dot = token.indexOf('.');
        return dot == FAMILY_CHARS && token.indexOf('.', dot + 1) < 0 ? token.substring(0, dot) : null;
    }

    /** The hash of a token's family part, or {@code null}. */
    static String familyHash(String token) {
        String family = familyOf(token);
        return family == null ? null : Tokens.hash(family);
    }

    /** The pair sealed for a retry of {@code rotated}; bound to the session. */
    static String seal(String rotated, SessionId session, String sessionToken, String refreshToken, SecureRandom random) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rotated, session, iv);
            byte[] sealed = cipher.doFinal((sessionToken + " " + refreshToken).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** The session and refresh token sealed for {@code presented}, or empty when it cannot open them. */
    static Optional<String[]> open(String presented, SessionId session, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, presented, session, iv);
            String pair = new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
            String[] parts = pair.split(" ");
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String token, SessionId session, byte[] iv) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] key = mac.doFinal(KEY_LABEL);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(session.value().toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
