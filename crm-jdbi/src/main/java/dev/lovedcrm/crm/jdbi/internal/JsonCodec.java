package dev.lovedcrm.crm.jdbi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lovedcrm.crm.error.CrmException;
import java.util.List;
import java.util.Map;

/** Jackson conversions between domain values and {@link Jsonb}. */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<Object>> ARRAY = new TypeReference<>() { };

    private JsonCodec() {
    }

    public static Jsonb write(Object value) {
        try {
            return new Jsonb(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new CrmException("database.json_invalid", "value cannot be written as JSON", e);
        }
    }

    public static Map<String, Object> readObject(Jsonb jsonb) {
        return jsonb == null ? Map.of() : read(jsonb, OBJECT);
    }

    public static List<Object> readArray(Jsonb jsonb) {
        return jsonb == null ? List.of() : read(jsonb, ARRAY);
    }

    private static <T> T read(Jsonb jsonb, TypeReference<T> type) {
        try {
            return MAPPER.readValue(jsonb.json(), type);
        } catch (JsonProcessingException e) {
            throw new CrmException("database.json_invalid", "stored JSON cannot be read", e);
        }
    }
}
