package dev.lovedcrm.crm.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules of OWASP ASVS 5.0 §6.2: 8 to 128 characters (code points, no truncation, any
 * characters), and not one of the 3 000 most common passwords. Hosts may call {@link #problem} to give
 * feedback before submitting a registration or a password change.
 */
public final class PasswordPolicy {

    /** The shortest accepted password, in code points. */
    public static final int MIN_LENGTH = 8;
    /** The longest accepted password, in code points. */
    public static final int MAX_LENGTH = 128;

    /** Why a password that is not {@link #wellFormed} is refused. */
    public static final String MALFORMED = "must not contain NUL or unpaired surrogates";

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Why a password is refused.
     *
     * @param password the candidate
     * @return the reason ({@code is required}, {@code must not contain NUL or unpaired surrogates},
     *     {@code must be 8 to 128 characters}, {@code is too common}), or {@code null} when it is acceptable
     */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return "is required";
        }
        if (!wellFormed(password)) {
            return MALFORMED;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return "is too common";
        }
        return null;
    }

    /**
     * Whether a password (new or presented) can be hashed as written: no NUL, and no unpaired surrogate, which
     * UTF-8 encoding would turn into {@code ?} and so make a password with a lone surrogate and the same
     * password with {@code ?} in its place one password. Any
     * other character is allowed.
     *
     * @param password the text
     * @return true when well-formed
     */
    public static boolean wellFormed(String password) {
        return password.indexOf('\u0000') < 0 && password.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/dev/lovedcrm/crm/auth/password/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
