package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an invite.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record InviteId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public InviteId {
        Objects.requireNonNull(value, "inviteId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code inviteId} when the text is not a UUID
     */
    public static InviteId parse(String text) {
        return new InviteId(Ids.parse("inviteId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static InviteId generate() {
        return new InviteId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
