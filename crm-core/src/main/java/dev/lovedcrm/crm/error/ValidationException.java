package dev.lovedcrm.crm.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input was rejected before anything was written. {@link #fieldErrors()} names every field
 * at fault with a short reason, so a host can show it next to the right form field.
 */
public class ValidationException extends CrmException {

    private static final long serialVersionUID = 1L;

    /** Code of every validation error. */
    public static final String CODE = "validation.failed";

    private final Map<String, String> fieldErrors;

    /**
     * Creates the exception for several fields.
     *
     * @param fieldErrors field name to reason, in the order found; must not be empty
     */
    public ValidationException(Map<String, String> fieldErrors) {
        super(CODE, "invalid input: " + fieldErrors);
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a validation error names at least one field");
        }
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /**
     * Creates the exception for one field.
     *
     * @param field the field name as the caller knows it, e.g. {@code email}
     * @param reason why it was rejected, e.g. {@code must not be blank}
     * @return the exception
     */
    public static ValidationException of(String field, String reason) {
        return new ValidationException(Map.of(field, reason));
    }

    /**
     * The fields at fault and why.
     *
     * @return an unmodifiable, ordered map of field name to reason
     */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * Whether the given field is among the faults.
     *
     * @param field field name
     * @return true if that field was rejected
     */
    public boolean hasField(String field) {
        return fieldErrors.containsKey(field);
    }
}
