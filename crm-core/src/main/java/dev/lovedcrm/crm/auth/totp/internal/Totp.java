package dev.lovedcrm.crm.auth.totp.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 TOTP: HMAC-SHA1, 30-second steps, 6 digits, accepted one step either side. Code
 * generation is the totp library's; this class finds which step a code belongs to, so the caller can
 * refuse a step that was already used (the library keeps no replay state).
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;

    private final CodeGenerator generator;

    public Totp() {
        this(DIGITS);
    }

    Totp(int digits) {
        this.generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, digits);
    }

    /** A new Base32 secret of 160 bits (32 characters, no padding). */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The otpauth:// URI authenticator apps read from a QR code. */
    public static String uri(String secret, String issuer, String account) {
        return new QrData.Builder().label(account).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code of a step. */
    public String code(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    /** The step (now − 1, now or now + 1) whose code matches, compared in constant time; empty when none does. */
    public OptionalLong matchingStep(String secret, String code, Instant now) {
        if (code == null || code.length() != DIGITS) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
