package dev.lovedcrm.crm.auth.totp;

/**
 * A started TOTP enrolment: show the URI as a QR code (or the secret for manual entry), then call
 * {@link TwoFactor#confirm(String)} with the first code the app shows.
 *
 * @param secret the Base32 secret; a secret, show it only to its user and never log it
 * @param otpauthUri the {@code otpauth://totp/…} URI for authenticator apps
 */
public record TotpEnrollment(String secret, String otpauthUri) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "TotpEnrollment[secret=…]";
    }
}
