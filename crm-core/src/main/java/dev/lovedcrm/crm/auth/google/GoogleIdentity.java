package dev.lovedcrm.crm.auth.google;

/**
 * What a verified Google ID token says about its holder.
 *
 * @param subject Google's stable account id ({@code sub}), stored as {@code users.google_id}
 * @param email the account's email, or {@code null}
 * @param emailVerified whether Google verified that email
 * @param name the display name, or {@code null}
 */
public record GoogleIdentity(String subject, String email, boolean emailVerified, String name) {
}
