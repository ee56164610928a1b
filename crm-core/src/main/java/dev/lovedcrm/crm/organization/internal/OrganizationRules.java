package dev.lovedcrm.crm.organization.internal;

import dev.lovedcrm.crm.internal.Validation;
import java.util.Map;

/** Checks of the organization's profile fields, shared by creation and update. */
final class OrganizationRules {

    static final int MAX_SETTINGS_BYTES = 16 * 1024;

    private OrganizationRules() {
    }

    /** Checks the optional profile fields; returns the normalised website (null when absent or cleared). */
    static String profileChecks(Validation validation, String description, String website, String logoUrl,
            String industry, String companySize, Map<String, Object> settings) {
        validation.optionalMultilineText("description", description, 1000)
                .optionalText("website", website, 255)
                .optionalWebUrl("logoUrl", logoUrl, 2048)
                .optionalText("industry", industry, 100)
                .optionalText("companySize", companySize, 50)
                .json("settings", settings, MAX_SETTINGS_BYTES);
        if (website == null || website.isBlank()) {
            return null;
        }
        String normalized = Websites.normalize(website);
        validation.check(normalized != null && normalized.length() <= 255, "website", "must be a web address");
        return normalized;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
