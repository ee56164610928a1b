package dev.lovedcrm.crm.auth.google;

import dev.lovedcrm.crm.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

    /**
     * {@link #verify(String)}, and when {@code expectedNonce} is given, that the token's {@code nonce} claim
     * equals it (compared in constant time; a token without one is refused). The default checks the nonce
     * the identity reports, so an implementation need only fill {@link GoogleIdentity#nonce()}.
     *
     * @param idToken the compact JWT
     * @param expectedNonce the nonce of the host's sign-in request, or {@code null} for no check
     * @return the verified identity
     * @throws dev.lovedcrm.crm.error.AuthenticationException with code {@code auth.invalid_google_token}
     */
    default GoogleIdentity verify(String idToken, String expectedNonce) {
        GoogleIdentity identity = verify(idToken);
        if (expectedNonce != null && (identity.nonce() == null || !MessageDigest.isEqual(
                identity.nonce().getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8)))) {
            throw new AuthenticationException("auth.invalid_google_token", "the Google ID token is not valid (nonce)");
        }
        return identity;
    }
}
