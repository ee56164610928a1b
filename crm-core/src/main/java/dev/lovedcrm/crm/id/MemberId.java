package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a membership row.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record MemberId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public MemberId {
        Objects.requireNonNull(value, "memberId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code memberId} when the text is not a UUID
     */
    public static MemberId parse(String text) {
        return new MemberId(Ids.parse("memberId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static MemberId generate() {
        return new MemberId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
