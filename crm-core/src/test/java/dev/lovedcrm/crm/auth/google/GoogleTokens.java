package dev.lovedcrm.crm.auth.google;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Signs Google-shaped ID tokens with a key made for the test, so verification runs offline. */
public final class GoogleTokens {

    public static final String CLIENT_ID = "1234-test.apps.googleusercontent.com";

    private final RSAKey key;

    public GoogleTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    public String token(String subject, String email, String issuer, String audience, Instant issuedAt, Instant expiresAt) {
        return token(subject, email, issuer, audience, issuedAt, expiresAt, null, null);
    }

    /** A token with a {@code nonce} and an {@code azp} claim (each left out when {@code null}). */
    public String token(String subject, String email, String issuer, String audience, Instant issuedAt, Instant expiresAt,
            String nonce, String authorizedParty) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .claim("email", email).claim("email_verified", true).claim("name", "Google User");
        if (nonce != null) {
            builder.claim("nonce", nonce);
        }
        if (authorizedParty != null) {
            builder.claim("azp", authorizedParty);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String valid(String subject, String email, Instant now) {
        return token(subject, email, "https://accounts.google.com", CLIENT_ID, now, now.plusSeconds(3600));
    }
}
