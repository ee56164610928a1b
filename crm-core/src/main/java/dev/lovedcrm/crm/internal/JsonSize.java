package dev.lovedcrm.crm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Measures free-form JSON input as PostgreSQL will store it, so services can bound it before it reaches the
 * database: {@code jsonb} writes numbers out in full ({@code 1e308} comes back as 309 digits), so a few
 * kilobytes of big exponents would otherwise read back as megabytes.
 */
public final class JsonSize {

    /** The value is not JSON PostgreSQL can store (not writable, or a string with NUL or an unpaired surrogate). */
    public static final int NOT_JSON = -1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSize() {
    }

    /**
     * The size in UTF-8 bytes of the value as stored, counting at most up to a little past {@code limit}; or
     * {@link #NOT_JSON}.
     */
    public static int storedBytes(Object value, int limit) {
        JsonNode tree;
        try {
            tree = MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return NOT_JSON;
        }
        long size = size(tree, (long) limit + 1);
        return size < 0 ? NOT_JSON : (int) Math.min(size, Integer.MAX_VALUE);
    }

    private static long size(JsonNode node, long limit) {
        if (node.isTextual()) {
            String text = node.textValue();
            return Texts.isStorable(text) ? text.getBytes(StandardCharsets.UTF_8).length + 2L : -1;
        }
        if (node.isNumber()) {
            return plainLength(node.decimalValue());
        }
        if (!node.isContainerNode()) {
            return node.toString().length();
        }
        long total = 2;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
                    fields.hasNext() && total <= limit; ) {
                Map.Entry<String, JsonNode> field = fields.next();
                long key = Texts.isStorable(field.getKey()) ? field.getKey().getBytes(StandardCharsets.UTF_8).length + 3L : -1;
                long member = size(field.getValue(), limit);
                if (key < 0 || member < 0) {
                    return -1;
                }
                total += key + member + 1;
            }
        } else {
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext() && total <= limit; ) {
                long element = size(elements.next(), limit);
                if (element < 0) {
                    return -1;
                }
                total += element + 1;
            }
        }
        return total;
    }

    /** Digits of the number written without an exponent, computed without writing it. */
    private static long plainLength(BigDecimal number) {
        long digits = number.precision();
        long scale = number.scale();
        long integerDigits = Math.max(1, digits - scale);
        long fractionDigits = Math.max(0, scale);
        return integerDigits + fractionDigits + (fractionDigits > 0 ? 1 : 0) + (number.signum() < 0 ? 1 : 0);
    }
}
