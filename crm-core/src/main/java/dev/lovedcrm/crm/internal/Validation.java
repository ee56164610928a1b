package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.error.ValidationException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Input checks shared by the services. Collects every fault of one input, then throws one
 * {@link ValidationException} naming each field; single-field helpers throw at once.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final Map<String, String> faults = new LinkedHashMap<>();

    /** Starts collecting faults. */
    public Validation() {
    }

    /** Throws at once when {@code value} is null. */
    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw ValidationException.of(field, "is required");
        }
        return value;
    }

    /** Records a fault unless {@code ok}. */
    public Validation check(boolean ok, String field, String reason) {
        if (!ok) {
            faults.putIfAbsent(field, reason);
        }
        return this;
    }

    /**
     * Requires a non-blank single-line text of {@code min} to {@code max} characters (after trimming): no
     * control characters (NUL, line breaks, tabs, …) and no unpaired surrogates.
     */
    public Validation text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        int length = value.trim().length();
        return check(Texts.isSingleLine(value), field, Texts.SINGLE_LINE_RULE)
                .check(length >= min && length <= max, field, "must be " + min + " to " + max + " characters");
    }

    /** Allows null; otherwise a single-line text (as {@link #text}) of at most {@code max} characters. */
    public Validation optionalText(String field, String value, int max) {
        return check(value == null || Texts.isSingleLine(value), field, Texts.SINGLE_LINE_RULE)
                .check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    /**
     * Allows null; otherwise a text of at most {@code max} characters that may hold line breaks and tabs but
     * no other control characters (NUL among them) and no unpaired surrogates.
     */
    public Validation optionalMultilineText(String field, String value, int max) {
        return check(value == null || Texts.isMultiline(value), field, Texts.MULTILINE_RULE)
                .check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    /**
     * Allows null or empty; otherwise an absolute {@code http} or {@code https} URL with a host, of at most
     * {@code max} characters ({@code javascript:}, {@code data:} and scheme-relative {@code //host} are refused).
     */
    public Validation optionalWebUrl(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        return check(value.length() <= max && Texts.isSingleLine(value) && Texts.isWebUrl(value), field,
                "must be an http(s) URL of at most " + max + " characters");
    }

    /** Requires a syntactically valid email address of at most 255 characters. */
    public Validation email(String field, String value) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        String trimmed = value.trim();
        return check(trimmed.length() <= 255 && EMAIL.matcher(trimmed).matches(), field, "must be a valid email address");
    }

    /**
     * Allows null; otherwise a JSON value of at most {@code maxBytes} bytes as PostgreSQL stores it (numbers
     * written out in full), whose strings hold no NUL and no unpaired surrogates.
     */
    public Validation json(String field, Object value, int maxBytes) {
        if (value == null) {
            return this;
        }
        int size = JsonSize.storedBytes(value, maxBytes);
        check(size != JsonSize.NOT_JSON, field, "must be a JSON value without NUL characters or unpaired surrogates");
        return check(size <= maxBytes, field, "must be at most " + maxBytes + " bytes as JSON");
    }

    /** Allows null; otherwise an IANA time zone id of at most 50 characters. */
    public Validation timezone(String field, String value) {
        return check(value == null || value.length() <= 50 && ZoneId.getAvailableZoneIds().contains(value), field,
                "must be an IANA time zone such as America/Sao_Paulo");
    }

    /** Allows null; otherwise a well-formed BCP 47 language tag of at most 10 characters. */
    public Validation languageTag(String field, String value) {
        if (value == null) {
            return this;
        }
        boolean ok;
        try {
            ok = value.length() <= 10 && !new Locale.Builder().setLanguageTag(value).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            ok = false;
        }
        return check(ok, field, "must be a BCP 47 language tag such as pt-BR");
    }

    /** Allows null; otherwise one of the given values. */
    public Validation oneOf(String field, String value, Set<String> allowed) {
        return check(value == null || allowed.contains(value), field, "must be one of " + new TreeSet<>(allowed));
    }

    /** Throws a {@link ValidationException} naming every recorded fault, if any. */
    public void throwIfInvalid() {
        if (!faults.isEmpty()) {
            throw new ValidationException(faults);
        }
    }
}
