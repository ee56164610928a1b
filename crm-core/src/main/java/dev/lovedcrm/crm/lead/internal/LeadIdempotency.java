package dev.lovedcrm.crm.lead.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.LeadId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.lead.Lead;
import dev.lovedcrm.crm.lead.Priority;
import dev.lovedcrm.crm.lead.spi.LeadIdempotencyRepository;
import dev.lovedcrm.crm.lead.spi.LeadIdempotencyRepository.StoredIdempotencyKey;
import dev.lovedcrm.crm.lead.spi.LeadRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency keys of lead creation: the key's rules, the payload fingerprint and the claim made in the creating
 * transaction. A key counts for {@link #WINDOW}; the same key with the same payload returns the first lead, with
 * another payload it is {@value #REUSED}.
 */
final class LeadIdempotency {

    /** How long a key returns its first lead. */
    static final Duration WINDOW = Duration.ofHours(24);
    /** The conflict code of a key reused with another payload. */
    static final String REUSED = "lead.idempotency_key_reused";
    /** The longest key. */
    static final int MAX_KEY_LENGTH = 255;

    /** Canonical JSON: map members (metadata, at any depth) in key order. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final int ATTEMPTS = 5;

    private LeadIdempotency() {
    }

    /**
     * Checks a key: 1–255 printable ASCII characters (no spaces or control characters at either end; spaces inside
     * are allowed).
     *
     * @param key the key, or {@code null} for none
     * @throws ValidationException naming {@code idempotencyKey}
     */
    static void checkKey(String key) {
        if (key == null) {
            return;
        }
        boolean ok = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.charAt(0) != ' '
                && key.charAt(key.length() - 1) != ' ' && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!ok) {
            throw ValidationException.of("idempotencyKey",
                    "must be 1-" + MAX_KEY_LENGTH + " printable ASCII characters, without leading or trailing spaces");
        }
    }

    /**
     * The SHA-256 (hex) of the canonical form of a normalised payload: the same lead written differently
     * ({@code "Maria@X.com"} and {@code "maria@x.com"}, tags in another case, metadata members in another order)
     * has the same fingerprint.
     */
    static String fingerprint(String name, String email, String phone, String company, String position, String source,
            Priority priority, BigDecimal estimatedValue, String notes, List<String> tags, Map<String, Object> metadata,
            UserId assignedUserId) {
        List<Object> canonical = new ArrayList<>();
        canonical.add("lead/v1");
        canonical.add(name);
        canonical.add(email);
        canonical.add(phone);
        canonical.add(company);
        canonical.add(position);
        canonical.add(source);
        canonical.add(priority.dbValue());
        canonical.add(estimatedValue == null ? null : estimatedValue.setScale(2).toPlainString());
        canonical.add(notes);
        canonical.add(tags);
        canonical.add(metadata == null ? Map.of() : metadata);
        canonical.add(assignedUserId == null ? null : assignedUserId.value().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the lead", e);
        }
    }

    /**
     * Claims a key for a lead this transaction is about to create, or finds the lead it already created.
     *
     * @return empty when the caller must create the lead with {@code leadId}; else the lead of the first call
     * @throws ConflictException with code {@value #REUSED} when the key was used within {@link #WINDOW} for
     *     another payload
     * @throws NotFoundException with code {@code lead.not_found} when the first call's lead has been deleted since
     */
    static Optional<Lead> claim(TenantTransaction tx, String key, String fingerprint, LeadId leadId) {
        LeadIdempotencyRepository keys = tx.repository(LeadIdempotencyRepository.class);
        Instant now = tx.now();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (keys.claim(tx.organizationId(), key, fingerprint, leadId, now) == 1) {
                return Optional.empty();
            }
            Optional<StoredIdempotencyKey> stored = keys.find(tx.organizationId(), key);
            if (stored.isEmpty()) {
                continue;
            }
            StoredIdempotencyKey first = stored.get();
            Instant expiredAtOrBefore = now.minus(WINDOW);
            if (first.createdAt().isAfter(expiredAtOrBefore)) {
                if (!first.fingerprint().equals(fingerprint)) {
                    throw new ConflictException(REUSED,
                            "the idempotency key was used for another lead within the last 24 hours");
                }
                return Optional.of(tx.repository(LeadRepository.class).find(tx.organizationId(), first.leadId())
                        .orElseThrow(() -> NotFoundException.of("lead", first.leadId())));
            }
            if (keys.replaceExpired(tx.organizationId(), key, fingerprint, leadId, now, expiredAtOrBefore) == 1) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the idempotency key changed " + ATTEMPTS + " times while being claimed");
    }
}
