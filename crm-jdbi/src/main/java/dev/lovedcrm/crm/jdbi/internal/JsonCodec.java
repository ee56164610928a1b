package dev.lovedcrm.crm.jdbi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lovedcrm.crm.error.CrmException;
import java.lang.reflect.Type;

/** Jackson conversions between domain values and the JSON text of {@code jsonb} columns. */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CrmException("database.json_invalid", "value cannot be written as JSON", e);
        }
    }

    public static Object read(String json, Type type) {
        try {
            return MAPPER.readValue(json, MAPPER.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw new CrmException("database.json_invalid", "stored JSON cannot be read", e);
        }
    }
}
