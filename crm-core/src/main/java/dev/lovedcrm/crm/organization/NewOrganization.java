package dev.lovedcrm.crm.organization;

import java.util.Map;

/**
 * What it takes to create an organization. Start with {@link #named(String)}; every other field is
 * optional.
 *
 * <pre>{@code
 * crm.organizations().create(userId, NewOrganization.named("Agência São Paulo").website("agencia.com.br"));
 * }</pre>
 *
 * @param name display name, 2 to 255 characters
 * @param slug explicit slug, or {@code null} to derive one from the name
 * @param description up to 1 000 characters, or {@code null}
 * @param website a URL or bare domain, up to 255 characters; stored as https; or {@code null}
 * @param logoUrl logo URL, or {@code null}
 * @param industry up to 100 characters, or {@code null}
 * @param companySize up to 50 characters, or {@code null}
 * @param settings free-form settings (JSON object), or {@code null} for none
 */
public record NewOrganization(
        String name,
        String slug,
        String description,
        String website,
        String logoUrl,
        String industry,
        String companySize,
        Map<String, Object> settings) {

    /**
     * An organization with just a name; its slug is derived from the name.
     *
     * @param name the display name
     * @return the input
     */
    public static NewOrganization named(String name) {
        return new NewOrganization(name, null, null, null, null, null, null, null);
    }

    /**
     * With an explicit slug: 3–100 characters of lower-case letters, digits, {@code -} and
     * {@code _}, not starting or ending with {@code -}/{@code _}, and not reserved.
     *
     * @param slug the slug
     * @return a copy with the slug
     */
    public NewOrganization slug(String slug) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With a description.
     *
     * @param description the description
     * @return a copy with the description
     */
    public NewOrganization description(String description) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With a website.
     *
     * @param website the website
     * @return a copy with the website
     */
    public NewOrganization website(String website) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With a logo URL.
     *
     * @param logoUrl the logo URL
     * @return a copy with the logo URL
     */
    public NewOrganization logoUrl(String logoUrl) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With an industry.
     *
     * @param industry the industry
     * @return a copy with the industry
     */
    public NewOrganization industry(String industry) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With a company size.
     *
     * @param companySize the company size band, e.g. {@code 11-50}
     * @return a copy with the company size
     */
    public NewOrganization companySize(String companySize) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }

    /**
     * With settings.
     *
     * @param settings a JSON object
     * @return a copy with the settings
     */
    public NewOrganization settings(Map<String, Object> settings) {
        return new NewOrganization(name, slug, description, website, logoUrl, industry, companySize, settings);
    }
}
