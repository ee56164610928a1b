package dev.lovedcrm.crm.preference;

import dev.lovedcrm.crm.error.ValidationException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * A daily window without notifications, in the member's time zone; {@code start} after {@code end} spans
 * midnight. Stored as {@code {"enabled": bool, "start": "HH:mm", "end": "HH:mm"}}.
 *
 * @param enabled whether the window applies
 * @param start when it begins (minutes precision)
 * @param end when it ends (minutes precision)
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * Checks the times and drops seconds.
     *
     * @param enabled whether the window applies
     * @param start its start
     * @param end its end
     */
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        start = start.withSecond(0).withNano(0);
        end = end.withSecond(0).withNano(0);
    }

    /**
     * Parses the stored form.
     *
     * @param json {@code {"enabled": bool, "start": "HH:mm", "end": "HH:mm"}}
     * @return the window
     * @throws ValidationException naming {@code quietHours} for any other shape
     */
    public static QuietHours fromJson(Map<String, Object> json) {
        if (json != null && json.size() == 3 && json.get("enabled") instanceof Boolean enabled
                && json.get("start") instanceof String start && json.get("end") instanceof String end) {
            try {
                return new QuietHours(enabled, LocalTime.parse(start, CLOCK), LocalTime.parse(end, CLOCK));
            } catch (DateTimeParseException e) {
                // falls through to the refusal below
            }
        }
        throw ValidationException.of("quietHours", "must be {\"enabled\": true|false, \"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
    }

    /**
     * The stored form.
     *
     * @return {@code {"enabled": bool, "start": "HH:mm", "end": "HH:mm"}}
     */
    public Map<String, Object> toJson() {
        return Map.of("enabled", enabled, "start", start.format(CLOCK), "end", end.format(CLOCK));
    }
}
