package dev.lovedcrm.crm.jdbi.internal;

/**
 * A JSON document bound to or read from a {@code jsonb} column, as text. Repositories convert it
 * to and from domain types with {@link JsonCodec}.
 *
 * @param json the JSON text
 */
public record Jsonb(String json) {
}
