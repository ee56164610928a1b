package dev.lovedcrm.crm.auth.totp;

import java.util.List;

/**
 * TOTP two-factor authentication of the acting member in the scope's organization (RFC 6238:
 * 30-second steps, 6 digits, one step of clock skew either side, each code accepted once). From
 * {@code scope.twoFactor()}. Once enabled, signing in to the organization
 * ({@code LoginRequest.organization(...)}) or entering it ({@code Auth.enterOrganization}) needs a
 * code or a backup code.
 */
public interface TwoFactor {

    /**
     * The current state.
     *
     * @return the status
     */
    TwoFactorStatus status();

    /**
     * Starts (or restarts, while not yet confirmed) an enrolment with a new secret.
     *
     * @return the secret and its otpauth URI
     * @throws dev.lovedcrm.crm.error.ConflictException {@code two_factor.already_enabled}
     */
    TotpEnrollment enroll();

    /**
     * Confirms the enrolment with a first code and enables the second factor; returns 10 backup codes,
     * shown this once and stored only as salted slow hashes. Publishes {@code two_factor.enabled}.
     *
     * @param code the code the authenticator app shows
     * @return the backup codes
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_two_factor_code}
     * @throws dev.lovedcrm.crm.error.ConflictException {@code two_factor.not_enrolled} or {@code two_factor.already_enabled}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code code} when missing or not 6 to 20 characters
     */
    List<String> confirm(String code);

    /**
     * Checks a TOTP code or an unused backup code (which is then spent).
     *
     * @param code the code
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_two_factor_code}
     * @throws dev.lovedcrm.crm.error.ConflictException {@code two_factor.not_enabled}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code code} when missing or not 6 to 20 characters
     */
    void verify(String code);

    /**
     * Replaces all backup codes, after checking a current TOTP code.
     *
     * @param code a current TOTP code
     * @return the new backup codes, shown this once
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_two_factor_code}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code code} when missing or not 6 to 20 characters
     */
    List<String> regenerateBackupCodes(String code);

    /**
     * Turns the second factor off, after checking a current TOTP code or a backup code. Publishes
     * {@code two_factor.disabled}.
     *
     * @param code a TOTP or backup code
     * @throws dev.lovedcrm.crm.error.AuthenticationException {@code auth.invalid_two_factor_code}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code code} when missing or not 6 to 20 characters
     */
    void disable(String code);
}
