package dev.lovedcrm.crm.id;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a subscription plan.
 *
 * @param value the underlying UUID (a UUIDv7 when the SDK generated it)
 */
public record PlanId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public PlanId {
        Objects.requireNonNull(value, "planId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID such as {@code 0190a3c4-...}
     * @return the id
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code planId} when the text is not a UUID
     */
    public static PlanId parse(String text) {
        return new PlanId(Ids.parse("planId", text));
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static PlanId generate() {
        return new PlanId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
