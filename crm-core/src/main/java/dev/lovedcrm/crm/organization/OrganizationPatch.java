package dev.lovedcrm.crm.organization;

import java.util.Map;

/**
 * Changes to an organization's profile. A {@code null} field is left as it is; an empty string
 * clears an optional text field; {@code settings}, when given, replaces the whole settings object.
 *
 * @param name new name (2–255 characters), or {@code null}
 * @param description new description (≤ 1 000), {@code ""} to clear, or {@code null}
 * @param website new website (≤ 255, stored as https), {@code ""} to clear, or {@code null}
 * @param logoUrl new logo URL, {@code ""} to clear, or {@code null}
 * @param industry new industry (≤ 100), {@code ""} to clear, or {@code null}
 * @param companySize new company size (≤ 50), {@code ""} to clear, or {@code null}
 * @param settings new settings object, or {@code null}
 */
public record OrganizationPatch(
        String name,
        String description,
        String website,
        String logoUrl,
        String industry,
        String companySize,
        Map<String, Object> settings) {

    /**
     * A patch that changes nothing yet.
     *
     * @return the empty patch
     */
    public static OrganizationPatch empty() {
        return new OrganizationPatch(null, null, null, null, null, null, null);
    }

    /**
     * Sets the name.
     *
     * @param name the new name
     * @return a copy
     */
    public OrganizationPatch name(String name) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Sets or clears the description.
     *
     * @param description the new description, {@code ""} to clear
     * @return a copy
     */
    public OrganizationPatch description(String description) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Sets or clears the website.
     *
     * @param website the new website, {@code ""} to clear
     * @return a copy
     */
    public OrganizationPatch website(String website) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Sets or clears the logo URL.
     *
     * @param logoUrl the new logo URL, {@code ""} to clear
     * @return a copy
     */
    public OrganizationPatch logoUrl(String logoUrl) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Sets or clears the industry.
     *
     * @param industry the new industry, {@code ""} to clear
     * @return a copy
     */
    public OrganizationPatch industry(String industry) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Sets or clears the company size.
     *
     * @param companySize the new company size, {@code ""} to clear
     * @return a copy
     */
    public OrganizationPatch companySize(String companySize) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * Replaces the settings.
     *
     * @param settings the new settings object
     * @return a copy
     */
    public OrganizationPatch settings(Map<String, Object> settings) {
        return new OrganizationPatch(name, description, website, logoUrl, industry, companySize, settings);
    }
}
