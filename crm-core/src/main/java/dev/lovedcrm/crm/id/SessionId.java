package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a user session.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record SessionId(UUID value) {

    /**
     * Validates the value.
     *
     * @param value the underlying UUID, never {@code null}
     */
    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    /**
     * Wraps an existing UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static SessionId of(UUID value) {
        return new SessionId(value);
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field {@code sessionId} when the text is not a UUID
     */
    public static SessionId parse(String text) {
        return new SessionId(Ids.parse("sessionId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static SessionId generate() {
        return new SessionId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
