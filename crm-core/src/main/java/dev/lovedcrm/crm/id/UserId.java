package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a user account.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record UserId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public UserId {
        Objects.requireNonNull(value, "userId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when the text is not a UUID
     */
    public static UserId parse(String text) {
        return new UserId(Ids.parse("userId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static UserId generate() {
        return new UserId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
