package dev.lovedcrm.crm.jdbi.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the domain's {@link Instant} and JDBC's {@link OffsetDateTime} for timestamptz. */
public final class Times {

    private Times() {
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public static OffsetDateTime offset(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }
}
