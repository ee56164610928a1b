package dev.lovedcrm.crm.invite;

/**
 * An invite together with its token, returned once when the invite is created or re-sent. The host
 * delivers the token to the invitee (typically in a link); the SDK keeps only its hash and cannot
 * show it again.
 *
 * @param invite the invite
 * @param token the secret token (≥ 256 bits, URL-safe); never log it
 */
public record IssuedInvite(Invite invite, String token) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "IssuedInvite[invite=" + invite + ", token=…]";
    }
}
