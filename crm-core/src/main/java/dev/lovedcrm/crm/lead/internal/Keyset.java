package dev.lovedcrm.crm.lead.internal;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A keyset position (time, id) of a newest-first list, read from a page cursor tagged with the list it belongs to.
 *
 * @param at the time of the last item of the previous page, {@code null} on the first page
 * @param id the id of that item, {@code null} on the first page
 */
public record Keyset(Instant at, UUID id) {

    /**
     * Reads the position of a page request, after checking its size.
     *
     * @param tag the list's tag, the first key of its cursors
     * @param page the request
     * @param maxLimit the largest page the list hands out
     * @return the position, with nulls for the first page
     * @throws ValidationException naming {@code limit} or {@code cursor}
     */
    public static Keyset of(String tag, PageRequest page, int maxLimit) {
        if (page.limit() > maxLimit) {
            throw ValidationException.of("limit", "must be between 1 and " + maxLimit);
        }
        if (page.after().isEmpty()) {
            return new Keyset(null, null);
        }
        Cursor cursor = page.after().get();
        if (!tag.equals(cursor.key(0, 3))) {
            throw ValidationException.of("cursor", "does not belong to this list");
        }
        try {
            return new Keyset(Instant.parse(cursor.key(1, 3)), UUID.fromString(cursor.key(2, 3)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ValidationException.of("cursor", "is not a valid cursor");
        }
    }

    /**
     * The cursor of an item.
     *
     * @param tag the list's tag
     * @param at the item's time
     * @param id the item's id
     * @return the cursor
     */
    public static Cursor cursor(String tag, Instant at, Object id) {
        return Cursor.of(tag, at, id);
    }
}
