package dev.lovedcrm.crm.invite.spi;

import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InvitePreview;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.Invites;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence port for {@code crm.organization_invites}. Tokens reach it only as hashes. */
public interface InviteRepository {

    /**
     * An invite as stored, with the hash of its current token.
     *
     * @param invite the invite
     * @param tokenHash the SHA-256 hash of its current token
     */
    record Stored(Invite invite, String tokenHash) {

        /** Never prints the hash. */
        @Override
        public String toString() {
            return "Stored[invite=" + invite + "]";
        }
    }

    /**
     * Inserts an invite.
     *
     * @param invite the invite
     * @param tokenHash the SHA-256 hash of its token
     */
    void insert(Invite invite, String tokenHash);

    /**
     * Finds an invite by token hash, across tenants (the invitee has only the token).
     *
     * @param tokenHash the SHA-256 hash of the token
     * @return the invite, or empty
     */
    Optional<Invite> findByTokenHash(String tokenHash);

    /**
     * Locks and returns an invite with its current token hash.
     *
     * @param organizationId the organization
     * @param id the invite
     * @return the invite and its token hash, or empty
     */
    Optional<Stored> lock(OrganizationId organizationId, InviteId id);

    /**
     * Writes an invite's status, timestamps and metadata.
     *
     * @param invite the invite with its new values
     * @param metadata extra details to merge into {@code metadata} (e.g. a rejection reason)
     */
    void update(Invite invite, Map<String, Object> metadata);

    /**
     * Replaces an invite's token and expiry.
     *
     * @param organizationId the organization
     * @param id the invite
     * @param tokenHash the new token's hash
     * @param expiresAt the new expiry
     */
    void replaceToken(OrganizationId organizationId, InviteId id, String tokenHash, Instant expiresAt);

    /**
     * Locks the pending invites to an email.
     *
     * @param organizationId the organization
     * @param email the lower-case email
     * @return the pending invites
     */
    List<Invite> lockPendingByEmail(OrganizationId organizationId, String email);

    /**
     * Marks every pending invite past its expiry as expired.
     *
     * @param organizationId the organization
     * @param now the current time
     * @return the invites that were expired by this call
     */
    List<Invite> expireOverdue(OrganizationId organizationId, Instant now);

    /**
     * Invites newest first.
     *
     * @param organizationId the organization
     * @param status only this status, or empty
     * @param after the last invite id of the previous page, or empty
     * @param limit how many rows at most
     * @return the invites
     */
    List<Invite> list(OrganizationId organizationId, Optional<InviteStatus> status, Optional<InviteId> after, int limit);

    /**
     * Counts per status; statuses without invites are absent.
     *
     * @param organizationId the organization
     * @return status to count
     */
    Map<InviteStatus, Long> countByStatus(OrganizationId organizationId);

    /**
     * The preview of an invite: organization name and slug, inviter name.
     *
     * @param organizationId the organization
     * @param id the invite
     * @return the preview
     */
    Optional<InvitePreview> preview(OrganizationId organizationId, InviteId id);
}
