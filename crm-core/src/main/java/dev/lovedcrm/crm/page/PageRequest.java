package dev.lovedcrm.crm.page;

import dev.lovedcrm.crm.error.ValidationException;
import java.util.Optional;

/**
 * Which page of a list to read: at most {@link #limit()} items after an optional keyset cursor.
 * The SDK never pages with OFFSET; a cursor is the opaque {@link Page#nextCursor()} of the
 * previous page.
 *
 * @param limit how many items at most, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page, or empty for the first page
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    /** The largest page the SDK hands out. */
    public static final int MAX_LIMIT = 500;

    /**
     * Validates the request.
     *
     * @param limit how many items at most
     * @param after cursor of the previous page
     * @throws ValidationException naming {@code limit} when it is out of range
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        after = after == null ? Optional.empty() : after;
    }

    /**
     * The first page.
     *
     * @param limit how many items at most
     * @return the request
     */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /**
     * The page after the one that returned {@code cursor}.
     *
     * @param cursor the previous page's {@link Page#nextCursor()} in its text form
     * @param limit how many items at most
     * @return the request
     * @throws ValidationException naming {@code cursor} when the text is not a cursor of this SDK
     */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(limit, Optional.of(Cursor.parse(cursor)));
    }
}
