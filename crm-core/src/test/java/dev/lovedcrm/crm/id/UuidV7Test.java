package dev.lovedcrm.crm.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesVersionVariantAndTimestamp() {
        Instant now = Instant.parse("2026-11-24T12:00:00.123Z");
        UUID uuid = UuidV7.next(Clock.fixed(now, ZoneOffset.UTC), new Random(1));

        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void sortsByCreationTime() {
        Random random = new Random(2);
        UUID earlier = UuidV7.next(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), random);
        UUID later = UuidV7.next(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC), random);

        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void idsMadeInARowSortInTheOrderTheyWereMade() {
        UUID previous = UuidV7.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = UuidV7.next();
            assertThat(next.toString()).isGreaterThan(previous.toString());
            previous = next;
        }
    }

    @Test
    void typedIdsParseOnlyCanonicalUuids() {
        OrganizationId id = OrganizationId.generate();

        assertThat(OrganizationId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> OrganizationId.parse("not-a-uuid"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("organizationId")).isTrue());
        assertThatThrownBy(() -> LeadId.parse(" "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("leadId")).isTrue());
    }
}
