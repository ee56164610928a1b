package dev.lovedcrm.crm.user;

import java.time.Instant;

/**
 * A single-use secret for the host to deliver (in an email link, say): the SDK sends no email and
 * keeps only the token's hash. Issuing a new token of the same kind kills the previous one.
 *
 * @param token the secret (256 random bits, URL-safe); never log it
 * @param expiresAt when it stops working
 */
public record OneTimeToken(String token, Instant expiresAt) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "OneTimeToken[token=…, expiresAt=" + expiresAt + "]";
    }
}
