package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an organization (tenant).
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record OrganizationId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public OrganizationId {
        Objects.requireNonNull(value, "organizationId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code organizationId} when the text is not a UUID
     */
    public static OrganizationId parse(String text) {
        return new OrganizationId(Ids.parse("organizationId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static OrganizationId generate() {
        return new OrganizationId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
