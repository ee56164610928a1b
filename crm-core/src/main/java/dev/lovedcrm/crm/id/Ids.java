package dev.lovedcrm.crm.id;

import dev.lovedcrm.crm.error.ValidationException;
import java.util.UUID;

/** Parsing shared by the typed ids. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of(field, "must not be blank");
        }
        try {
            UUID uuid = UUID.fromString(text.trim());
            if (!uuid.toString().equalsIgnoreCase(text.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "must be a UUID");
        }
    }
}
