package dev.lovedcrm.crm.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsItsTextForm() {
        UUID id = UUID.randomUUID();
        Cursor cursor = Cursor.of(Instant.parse("2026-01-02T03:04:05.123456Z"), id);

        Cursor parsed = Cursor.parse(cursor.toString());

        assertThat(parsed).isEqualTo(cursor);
        assertThat(parsed.keys()).containsExactly("2026-01-02T03:04:05.123456Z", id.toString());
        assertThat(cursor.toString()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void rejectsTextThatIsNotOneOfOurCursors() {
        for (String bad : List.of("", "   ", "%%%", "bm90LWEtY3Vyc29y", "x".repeat(2000))) {
            assertThatThrownBy(() -> Cursor.parse(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("cursor")).isTrue());
        }
        assertThatThrownBy(() -> Cursor.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesACursorOfAnotherShape() {
        Cursor cursor = Cursor.of("a", "b");

        assertThat(cursor.key(1, 2)).isEqualTo("b");
        assertThatThrownBy(() -> cursor.key(0, 3))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("cursor")).isTrue());
    }
}
