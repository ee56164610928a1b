package dev.lovedcrm.crm.activity;

import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.id.TypedId;
import dev.lovedcrm.crm.id.UuidV7;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of an activity log row.
 *
 * @param value the underlying UUID (a UUIDv7, so ids made later sort later)
 */
public record ActivityId(UUID value) implements TypedId {

    /**
     * Wraps a UUID.
     *
     * @param value the UUID, never {@code null}
     */
    public ActivityId {
        Objects.requireNonNull(value, "activityId");
    }

    /**
     * Parses the canonical text form.
     *
     * @param text a UUID
     * @return the id
     * @throws ValidationException naming {@code activityId} when the text is not a UUID
     */
    public static ActivityId parse(String text) {
        try {
            UUID uuid = UUID.fromString(text == null ? "" : text.trim());
            if (uuid.toString().equalsIgnoreCase(text.trim())) {
                return new ActivityId(uuid);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ValidationException.of("activityId", "must be a UUID");
    }

    /**
     * A new time-ordered id.
     *
     * @return a fresh UUIDv7 id
     */
    public static ActivityId generate() {
        return new ActivityId(UuidV7.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
