package dev.lovedcrm.crm.error;

/** The acting principal is known but not allowed to do this in this organization. */
public class PermissionDeniedException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code permission.denied}
     * @param message developer-facing message
     */
    public PermissionDeniedException(String code, String message) {
        super(code, message);
    }
}
