package dev.lovedcrm.crm.error;

/** The organization's plan does not allow this (a quota is full or a feature is missing). */
public class PlanLimitExceededException extends CrmException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code stable code such as {@code plan.lead_limit_reached}
     * @param message developer-facing message
     */
    public PlanLimitExceededException(String code, String message) {
        super(code, message);
    }
}
