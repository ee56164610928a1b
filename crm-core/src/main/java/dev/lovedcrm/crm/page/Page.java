package dev.lovedcrm.crm.page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a keyset-paged list.
 *
 * @param <T> the item type
 * @param items the items, in the list's order
 * @param nextCursor the cursor to pass to {@link PageRequest#after(String, int)} for the next page,
 *     empty when this is the last page
 */
public record Page<T>(List<T> items, Optional<Cursor> nextCursor) {

    /**
     * Copies the items so the page is immutable.
     *
     * @param items the items
     * @param nextCursor cursor of the next page, or empty
     */
    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    /**
     * Builds a page from up to {@code limit + 1} rows read in list order: the extra row, if present,
     * only proves that there is a next page and is not returned.
     *
     * @param <T> the item type
     * @param rows rows read with {@code LIMIT limit + 1}
     * @param limit the requested limit
     * @param cursorOf the keyset cursor of an item
     * @return the page
     */
    public static <T> Page<T> fromRows(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }

    /**
     * Whether another page follows.
     *
     * @return true when {@link #nextCursor()} is present
     */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    /**
     * Transforms the items, keeping the cursor.
     *
     * @param <R> the new item type
     * @param mapper the transformation
     * @return the new page
     */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
