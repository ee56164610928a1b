package dev.lovedcrm.crm.auth;

import dev.lovedcrm.crm.id.OrganizationId;

/**
 * A password sign-in. Start with {@link #of(String, String, ClientInfo)}.
 *
 * @param email the account's email
 * @param password the password
 * @param client where the sign-in comes from
 * @param organizationId the organization to enter, or {@code null}; when the user has two-factor
 *     authentication enabled there, {@code totpCode} is required
 * @param totpCode a current TOTP code or an unused backup code, or {@code null}
 * @param newPassword a new password (different from the current one), required when the account must
 *     change its password and ignored otherwise
 */
public record LoginRequest(
        String email, String password, ClientInfo client, OrganizationId organizationId, String totpCode, String newPassword) {

    /**
     * A sign-in with email and password.
     *
     * @param email the email
     * @param password the password
     * @param client the client
     * @return the request
     */
    public static LoginRequest of(String email, String password, ClientInfo client) {
        return new LoginRequest(email, password, client, null, null, null);
    }

    /**
     * Entering an organization, with a second factor when it needs one.
     *
     * @param organizationId the organization
     * @param totpCode a TOTP or backup code, or {@code null}
     * @return a copy
     */
    public LoginRequest organization(OrganizationId organizationId, String totpCode) {
        return new LoginRequest(email, password, client, organizationId, totpCode, newPassword);
    }

    /**
     * With a new password, for accounts that must change theirs.
     *
     * @param newPassword the new password
     * @return a copy
     */
    public LoginRequest newPassword(String newPassword) {
        return new LoginRequest(email, password, client, organizationId, totpCode, newPassword);
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", organization=" + organizationId + "]";
    }
}
