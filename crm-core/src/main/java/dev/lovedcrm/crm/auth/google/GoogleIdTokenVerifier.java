package dev.lovedcrm.crm.auth.google;

/**
 * Verifies a Google ID token (the {@code credential} of Google Identity Services). The SDK ships
 * {@link NimbusGoogleIdTokenVerifier}; a host may plug in its own with
 * {@code Crm.builder().googleIdTokenVerifier(...)}. Without one, Google sign-in is refused.
 */
@FunctionalInterface
public interface GoogleIdTokenVerifier {

    /**
     * Checks the token's signature, issuer, audience and expiry.
     *
     * @param idToken the compact JWT
     * @return the verified identity
     * @throws dev.lovedcrm.crm.error.AuthenticationException with code {@code auth.invalid_google_token}
     */
    GoogleIdentity verify(String idToken);
}
