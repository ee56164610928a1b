package dev.lovedcrm.crm.billing;

/**
 * The plan features that gate an action. Lead quotas are not listed here: they are the features
 * {@code up_to_<n>_leads} and {@code unlimited_leads}.
 */
public enum Feature {
    /** API keys. */
    API_ACCESS("api_access"),
    /** Outgoing webhooks and other integrations. */
    INTEGRATIONS("integrations"),
    /** Reports beyond the basic dashboard. */
    ADVANCED_REPORTS("advanced_reports");

    private final String code;

    Feature(String code) {
        this.code = code;
    }

    /**
     * The feature code as stored in {@code crm.plans.features}.
     *
     * @return e.g. {@code api_access}
     */
    public String code() {
        return code;
    }
}
