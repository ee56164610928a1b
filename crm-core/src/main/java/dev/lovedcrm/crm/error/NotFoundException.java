package dev.lovedcrm.crm.error;

/** The entity asked for does not exist, or is not visible to the caller's tenant. */
public class NotFoundException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code lead.not_found}
     * @param message developer-facing message
     */
    public NotFoundException(String code, String message) {
        super(code, message);
    }

    /**
     * The standard not-found error for an entity kind, with code {@code <entity>.not_found}.
     *
     * @param entity entity kind in lower case, e.g. {@code lead}
     * @param id the id that was looked up
     * @return the exception
     */
    public static NotFoundException of(String entity, Object id) {
        return new NotFoundException(entity + ".not_found", entity + " " + id + " was not found");
    }
}
