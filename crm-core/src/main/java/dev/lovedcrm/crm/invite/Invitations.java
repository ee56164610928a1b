package dev.lovedcrm.crm.invite;

import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.user.NewUser;

/**
 * The invitee's side of invites, reached with the token alone. From {@code crm.invitations()}.
 * Every token that names no pending invite — unknown, replaced, cancelled, rejected or already accepted —
 * is answered with the same {@code invite.not_found} and a message that says nothing about the invite, so
 * tokens cannot be probed. A pending invite past its expiry answers {@code invite.expired} (and is marked
 * expired): only the holder of the token, its legitimate recipient, learns that.
 */
public interface Invitations {

    /**
     * What the invite offers, for an invitation page.
     *
     * @param token the invite token
     * @return the preview
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.expired} (the invite is then marked expired)
     */
    InvitePreview preview(String token);

    /**
     * Accepts as an existing user whose email matches the invite (case-insensitively): the user
     * becomes an active member with the invited role (a removed member comes back). Accepting twice,
     * or concurrently, yields one membership. Publishes {@code invite.accepted} and {@code member.joined}.
     *
     * @param token the invite token
     * @param userId the accepting user
     * @return the membership
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.expired}
     *     or {@code invite.already_member}
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException with code {@code invite.email_mismatch}
     */
    Member accept(String token, UserId userId);

    /**
     * Accepts as a new user who registers in the same call (one transaction: either both the account
     * and the membership exist afterwards, or neither). The registration's email must be the invited
     * one (case-insensitively); receiving the token proves it, so the account starts verified.
     * Publishes {@code user.registered}, {@code invite.accepted} and {@code member.joined}.
     *
     * @param token the invite token
     * @param registration the new account (same rules as {@code Users.register})
     * @return the membership; {@link Member#userId()} is the new account
     * @throws dev.lovedcrm.crm.error.ValidationException naming a registration field
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.expired}
     *     or {@code user.email_taken} (an account exists: accept with {@link #accept(String, UserId)})
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException with code {@code invite.email_mismatch}
     */
    Member acceptAsNewUser(String token, NewUser registration);

    /**
     * Declines the invite. Publishes {@code invite.rejected}.
     *
     * @param token the invite token
     * @param reason why (≤ 200 characters), or {@code null}
     * @return the rejected invite
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code invite.not_found}
     * @throws dev.lovedcrm.crm.error.ConflictException with code {@code invite.expired}
     */
    Invite reject(String token, String reason);
}
