package dev.lovedcrm.crm.auth.internal;

import dev.lovedcrm.crm.auth.google.GoogleIdTokenVerifier;
import dev.lovedcrm.crm.auth.google.GoogleIdentity;
import dev.lovedcrm.crm.error.AuthenticationException;

/** Verifies Google ID tokens with the configured verifier, if any. */
public final class GoogleSignIn {

    private GoogleSignIn() {
    }

    public static GoogleIdentity verify(GoogleIdTokenVerifier verifier, String idToken) {
        if (verifier == null) {
            throw new AuthenticationException("auth.google_not_configured",
                    "Google sign-in needs Crm.builder().googleIdTokenVerifier(...)");
        }
        return verifier.verify(idToken.trim());
    }
}
