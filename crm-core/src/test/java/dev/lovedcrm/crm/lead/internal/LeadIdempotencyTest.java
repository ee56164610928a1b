package dev.lovedcrm.crm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.lead.Priority;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadIdempotencyTest {

    @Test
    void keysAreOneTo255PrintableCharacters() {
        LeadIdempotency.checkKey(null);
        LeadIdempotency.checkKey("a");
        LeadIdempotency.checkKey("order 42/retry-1");
        LeadIdempotency.checkKey("k".repeat(255));
        for (String bad : new String[] {"", " ", " a", "a ", "k".repeat(256), "a\nb", "a\tb", "chave-ç", "\u0000"}) {
            assertThatThrownBy(() -> LeadIdempotency.checkKey(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("idempotencyKey"));
        }
    }

    @Test
    void theFingerprintIsTheSameForTheSameNormalisedLeadAndDiffersOtherwise() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("y", 2, "x", 1));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("x", 1, "y", 2));
        ba.put("a", 1);
        String first = fingerprint("Maria", new BigDecimal("10.00"), List.of("vip"), ab);

        assertThat(first).hasSize(64).matches("[0-9a-f]+");
        assertThat(fingerprint("Maria", new BigDecimal("10.00"), List.of("vip"), ba)).isEqualTo(first);
        assertThat(fingerprint("Maria", new BigDecimal("10.0"), List.of("vip"), ab)).isEqualTo(first);
        assertThat(fingerprint("Mária", new BigDecimal("10.00"), List.of("vip"), ab)).isNotEqualTo(first);
        assertThat(fingerprint("Maria", new BigDecimal("10.01"), List.of("vip"), ab)).isNotEqualTo(first);
        assertThat(fingerprint("Maria", new BigDecimal("10.00"), List.of("vip", "x"), ab)).isNotEqualTo(first);
        assertThat(fingerprint("Maria", new BigDecimal("10.00"), List.of("vip"), Map.of())).isNotEqualTo(first);
        assertThat(fingerprint("Maria", null, List.of("vip"), ab)).isNotEqualTo(first);
    }

    private static String fingerprint(String name, BigDecimal value, List<String> tags, Map<String, Object> metadata) {
        return LeadIdempotency.fingerprint(name, null, null, null, null, "web", Priority.MEDIUM, value, null, tags,
                metadata, null);
    }
}
