package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an organization's API key.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record ApiKeyId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public ApiKeyId {
        Objects.requireNonNull(value, "apiKeyId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code apiKeyId} when the text is not a UUID
     */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(Ids.parse("apiKeyId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static ApiKeyId generate() {
        return new ApiKeyId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
