package dev.lovedcrm.crm.lead.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lovedcrm.crm.internal.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks and normalises the fields of a lead, collecting every fault of one input before throwing one
 * {@code ValidationException} ({@link #throwIfInvalid()}). Each method returns the normalised value (or
 * {@code null} for an absent optional one); after a fault the returned value is meaningless.
 */
public final class LeadFields {

    /** At most this many tags per lead. */
    public static final int MAX_TAGS = 20;
    /** At most this many characters per tag. */
    public static final int MAX_TAG_LENGTH = 50;
    /** At most this many characters of notes. */
    public static final int MAX_NOTES = 10_000;
    /** At most this many characters of a lost reason. */
    public static final int MAX_REASON = 1_000;
    /** At most this many bytes of metadata, as JSON. */
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    /** The source of a lead created without one. */
    public static final String DEFAULT_SOURCE = "web";
    /** Phones without a country code are read as Brazilian. */
    public static final String DEFAULT_REGION = "BR";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Validation validation = new Validation();

    /** Required name: trimmed, 1–255 characters, one line. */
    public String name(String value) {
        validation.text("name", value, 1, 255);
        return value == null ? null : value.trim();
    }

    /** Optional email: trimmed, lower-cased, a valid address of at most 255 characters; blank is absent. */
    public String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        validation.optionalText("email", value, 255).email("email", value);
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Optional phone: E.164 when libphonenumber reads a valid number (Brazil when no country code is given),
     * else the trimmed text as given (at most 50 characters, one line); blank is absent.
     */
    public String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        validation.optionalText("phone", value, 50);
        return normalisePhone(value);
    }

    /** Optional single-line text of at most {@code max} characters, trimmed; blank is absent. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        validation.optionalText(field, value.trim(), max).optionalText(field, value, Integer.MAX_VALUE);
        return value.trim();
    }

    /** The source: trimmed, at most 100 characters, {@value #DEFAULT_SOURCE} when absent. */
    public String source(String value) {
        String source = text("source", value, 100);
        return source == null ? DEFAULT_SOURCE : source;
    }

    /** Optional notes: at most {@value #MAX_NOTES} characters, line breaks allowed. */
    public String notes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        validation.optionalMultilineText("notes", value, MAX_NOTES);
        return value;
    }

    /** Required reason for losing a lead: 1–{@value #MAX_REASON} characters, line breaks allowed. */
    public String reason(String value) {
        validation.check(value != null && !value.isBlank(), "reason", "is required");
        validation.optionalMultilineText("reason", value, MAX_REASON);
        return value == null ? null : value.trim();
    }

    /**
     * Optional amount in BRL: at least zero, at most two decimals, below 10^{@code integerDigits}; returned with
     * scale 2.
     */
    public BigDecimal money(String field, BigDecimal value, int integerDigits) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        boolean ok = value.signum() >= 0 && stripped.scale() <= 2
                && value.compareTo(BigDecimal.TEN.pow(integerDigits)) < 0;
        validation.check(ok, field, "must be an amount from 0 to " + "9".repeat(integerDigits) + ".99 with at most 2 decimals");
        return ok ? value.setScale(2) : value;
    }

    /** Optional metadata: a JSON object of at most {@value #MAX_METADATA_BYTES} bytes; absent is empty. */
    public Map<String, Object> metadata(Map<String, Object> value) {
        if (value == null) {
            return Map.of();
        }
        validation.check(!value.containsKey(null), "metadata", "must not have a null key")
                .json("metadata", value, MAX_METADATA_BYTES);
        return value;
    }

    /**
     * Tags, normalised: each trimmed and lower-cased, 1–{@value #MAX_TAG_LENGTH} characters on one line,
     * duplicates dropped (first occurrence kept); at most {@code maxCount} of them.
     */
    public List<String> tags(String field, Collection<String> values, int maxCount) {
        if (values == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                validation.check(false, field, "must not contain blank tags");
                continue;
            }
            String tag = value.trim().toLowerCase(Locale.ROOT);
            validation.optionalText(field, tag, MAX_TAG_LENGTH);
            tags.add(tag);
        }
        validation.check(tags.size() <= maxCount, field, "must hold at most " + MAX_TAGS + " tags");
        return new ArrayList<>(tags);
    }

    /** Records a fault unless {@code ok}. */
    public LeadFields check(boolean ok, String field, String reason) {
        validation.check(ok, field, reason);
        return this;
    }

    /** Throws one {@code ValidationException} naming every fault found, if any. */
    public void throwIfInvalid() {
        validation.throwIfInvalid();
    }

    /** E.164 for a valid number, else the trimmed text. */
    static String normalisePhone(String raw) {
        String trimmed = raw.trim();
        try {
            PhoneNumber number = PHONES.parse(trimmed, DEFAULT_REGION);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // Not a phone number libphonenumber can read: keep the text as given.
        }
        return trimmed;
    }
}
