package dev.lovedcrm.crm.auth.google;

/**
 * What a verified Google ID token says about its holder.
 *
 * @param subject Google's stable account id ({@code sub}), stored as {@code users.google_id}
 * @param email the account's email, or {@code null}
 * @param emailVerified whether Google verified that email
 * @param name the display name, or {@code null}
 * @param nonce the token's {@code nonce} claim, or {@code null}
 * @param authorizedParty the token's {@code azp} claim (the client the token was issued to), or {@code null}
 */
public record GoogleIdentity(String subject, String email, boolean emailVerified, String name, String nonce,
        String authorizedParty) {

    /**
     * An identity without nonce or authorized party.
     *
     * @param subject Google's account id
     * @param email the email, or {@code null}
     * @param emailVerified whether Google verified the email
     * @param name the display name, or {@code null}
     */
    public GoogleIdentity(String subject, String email, boolean emailVerified, String name) {
        this(subject, email, emailVerified, name, null, null);
    }
}
