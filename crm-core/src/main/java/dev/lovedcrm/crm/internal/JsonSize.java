package dev.lovedcrm.crm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Measures free-form JSON input so services can bound it before it reaches the database. */
public final class JsonSize {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSize() {
    }

    /** The size in UTF-8 bytes of the value written as JSON, or -1 when it cannot be written as JSON. */
    public static int bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            return -1;
        }
    }
}
