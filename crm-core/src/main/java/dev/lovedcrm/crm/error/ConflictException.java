package dev.lovedcrm.crm.error;

/** The request clashes with the current state: a duplicate, a concurrent change, a rule on state. */
public class ConflictException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code organization.slug_taken}
     * @param message developer-facing message
     */
    public ConflictException(String code, String message) {
        super(code, message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param code stable code
     * @param message developer-facing message
     * @param cause the underlying failure
     */
    public ConflictException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
