package dev.lovedcrm.crm.page;

import dev.lovedcrm.crm.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A keyset position: the sort-key values of the last item of a page (for example its
 * {@code created_at} and {@code id}). Its text form is opaque, URL-safe and versioned; hosts pass it
 * through without looking inside.
 */
public final class Cursor {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    private final List<String> keys;

    private Cursor(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * A cursor over the given sort-key values, in sort order.
     *
     * @param keys the values, each rendered with {@code toString()}; none may be {@code null}
     * @return the cursor
     */
    public static Cursor of(Object... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("a cursor has at least one key");
        }
        return new Cursor(java.util.Arrays.stream(keys).map(k -> Objects.requireNonNull(k, "key").toString()).toList());
    }

    /**
     * Reads the text form of a cursor.
     *
     * @param text what {@link #toString()} returned
     * @return the cursor
     * @throws ValidationException naming {@code cursor} when the text is not a cursor of this SDK
     */
    public static Cursor parse(String text) {
        if (text == null || text.isBlank() || text.length() > 1024) {
            throw ValidationException.of("cursor", "is not a valid cursor");
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cursor", "is not a valid cursor");
        }
        List<String> parts = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
        if (parts.size() < 2 || !parts.get(0).equals(VERSION)) {
            throw ValidationException.of("cursor", "is not a valid cursor");
        }
        return new Cursor(parts.subList(1, parts.size()));
    }

    /**
     * The sort-key values, in order.
     *
     * @return the keys
     */
    public List<String> keys() {
        return keys;
    }

    /**
     * The key at a position, checking the cursor has the expected shape.
     *
     * @param index position of the key
     * @param expectedSize how many keys this list's cursors have
     * @return the key
     * @throws ValidationException naming {@code cursor} when the cursor belongs to another list
     */
    public String key(int index, int expectedSize) {
        if (keys.size() != expectedSize) {
            throw ValidationException.of("cursor", "does not belong to this list");
        }
        return keys.get(index);
    }

    @Override
    public String toString() {
        String joined = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor c && c.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }
}
