package dev.lovedcrm.crm.auth.google;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lovedcrm.crm.error.AuthenticationException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link GoogleIdTokenVerifier} on nimbus-jose-jwt (an optional dependency: add
 * {@code com.nimbusds:nimbus-jose-jwt} to use this class). Checks the RS256 signature against
 * Google's keys (a JWKS the host provides, or a caching remote source such as
 * {@code JWKSourceBuilder.create(new URL("https://www.googleapis.com/oauth2/v3/certs")).build()}),
 * the issuer ({@code https://accounts.google.com} or {@code accounts.google.com}), the audience (one
 * of the host's OAuth client ids) and expiry, with one minute of clock skew; optionally the authorized
 * party ({@code azp}, {@link #requireAuthorizedParty(Set)}) and, per call, the nonce
 * ({@link #verify(String, String)}).
 */
public final class NimbusGoogleIdTokenVerifier implements GoogleIdTokenVerifier {

    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Set<String> clientIds;
    private final Set<String> authorizedParties;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    /**
     * A verifier over a key source.
     *
     * @param keys Google's signing keys
     * @param clientIds the host's OAuth client ids (accepted audiences)
     * @param clock the clock for expiry checks
     */
    public NimbusGoogleIdTokenVerifier(JWKSource<SecurityContext> keys, Set<String> clientIds, Clock clock) {
        this(keys, clientIds, Set.of(), clock);
    }

    private NimbusGoogleIdTokenVerifier(JWKSource<SecurityContext> keys, Set<String> clientIds, Set<String> authorizedParties,
            Clock clock) {
        if (clientIds == null || clientIds.isEmpty()) {
            throw new IllegalArgumentException("at least one OAuth client id is required");
        }
        this.clientIds = Set.copyOf(clientIds);
        this.authorizedParties = Set.copyOf(authorizedParties);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * A verifier that also requires the {@code azp} claim (the client the token was issued to) to be one
     * of the given client ids: use it when tokens must come from your own clients only (a token Google
     * issued to another client for your audience is then refused).
     *
     * @param clientIds the accepted authorized parties (at least one)
     * @return a new verifier with the same keys, audiences and clock
     */
    public NimbusGoogleIdTokenVerifier requireAuthorizedParty(Set<String> clientIds) {
        if (clientIds == null || clientIds.isEmpty() || clientIds.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("at least one authorized party client id is required");
        }
        return new NimbusGoogleIdTokenVerifier(keys, this.clientIds, clientIds, clock);
    }

    /**
     * A verifier over a fixed key set (for tests, or a JWKS the host refreshes itself).
     *
     * @param keys Google's signing keys
     * @param clientIds the host's OAuth client ids
     * @param clock the clock
     * @return the verifier
     */
    public static NimbusGoogleIdTokenVerifier of(JWKSet keys, Set<String> clientIds, Clock clock) {
        return new NimbusGoogleIdTokenVerifier(new ImmutableJWKSet<>(keys), clientIds, clock);
    }

    @Override
    public GoogleIdentity verify(String idToken) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw invalid("signature or format");
        }
        Instant now = clock.instant();
        if (!ISSUERS.contains(claims.getIssuer())) {
            throw invalid("issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(clientIds::contains)) {
            throw invalid("audience");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().plus(SKEW).isAfter(now)) {
            throw invalid("expiry");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && issuedAt.toInstant().minus(SKEW).isAfter(now)) {
            throw invalid("issue time");
        }
        String authorizedParty;
        String nonce;
        try {
            authorizedParty = claims.getStringClaim("azp");
            nonce = claims.getStringClaim("nonce");
        } catch (ParseException e) {
            throw invalid("claims");
        }
        if (!authorizedParties.isEmpty() && (authorizedParty == null || !authorizedParties.contains(authorizedParty))) {
            throw invalid("authorized party");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw invalid("subject");
        }
        try {
            Boolean verified = claims.getBooleanClaim("email_verified");
            return new GoogleIdentity(subject, claims.getStringClaim("email"), Boolean.TRUE.equals(verified),
                    claims.getStringClaim("name"), nonce, authorizedParty);
        } catch (ParseException e) {
            throw invalid("claims");
        }
    }

    private static AuthenticationException invalid(String what) {
        return new AuthenticationException("auth.invalid_google_token", "the Google ID token is not valid (" + what + ")");
    }
}
