package dev.lovedcrm.crm.error;

/**
 * The caller could not be authenticated. Messages are deliberately generic: they never reveal
 * whether an account exists.
 */
public class AuthenticationException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code auth.invalid_credentials}
     * @param message developer-facing, generic message
     */
    public AuthenticationException(String code, String message) {
        super(code, message);
    }
}
