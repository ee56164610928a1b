package dev.lovedcrm.crm.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void theExtraRowOnlySignalsANextPage() {
        Page<Integer> page = Page.fromRows(List.of(1, 2, 3), 2, Cursor::of);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextCursor()).contains(Cursor.of(2));
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void aShortReadIsTheLastPage() {
        Page<Integer> page = Page.fromRows(List.of(1, 2), 2, Cursor::of);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void limitsAreBounded() {
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1)).isInstanceOf(ValidationException.class);
        assertThat(PageRequest.first(PageRequest.MAX_LIMIT).limit()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThat(PageRequest.after(Cursor.of("k").toString(), 10).after()).contains(Cursor.of("k"));
    }
}
