package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a lead.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record LeadId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public LeadId {
        Objects.requireNonNull(value, "leadId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code leadId} when the text is not a UUID
     */
    public static LeadId parse(String text) {
        return new LeadId(Ids.parse("leadId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static LeadId generate() {
        return new LeadId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
