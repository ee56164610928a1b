package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a session.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record SessionId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public SessionId {
        Objects.requireNonNull(value, "sessionId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code sessionId} when the text is not a UUID
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
