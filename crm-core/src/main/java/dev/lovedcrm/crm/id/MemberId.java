package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an organization membership.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record MemberId(UUID value) {

    /**
     * Validates the value.
     *
     * @param value the underlying UUID, never {@code null}
     */
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    /**
     * Wraps an existing UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static MemberId of(UUID value) {
        return new MemberId(value);
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming the field {@code memberId} when the text is not a UUID
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
