package dev.lovedcrm.crm.member.spi;

import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.MemberSummary;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port for {@code crm.organization_members}. Every method takes the organization
 * explicitly and filters by it.
 */
public interface MemberRepository {

    /**
     * Inserts a membership row.
     *
     * @param member the membership
     * @throws dev.lovedcrm.crm.error.ConflictException when the user is already a member
     */
    void insert(Member member);

    /**
     * The membership of a user in an organization, active or not.
     *
     * @param organizationId the organization
     * @param userId the user
     * @return the membership, or empty
     */
    Optional<Member> findByUser(OrganizationId organizationId, UserId userId);

    /**
     * The email of an existing, active user account (the global {@code crm.users} table).
     *
     * @param userId the user
     * @return the lower-case email, or empty for an unknown or inactive user
     */
    Optional<String> activeUserEmail(UserId userId);

    /**
     * Whether an active member of the organization has this email.
     *
     * @param organizationId the organization
     * @param email the lower-case email
     * @return true if so
     */
    boolean isActiveMemberEmail(OrganizationId organizationId, String email);

    /**
     * Active members with their profiles, ordered by membership id (join order).
     *
     * @param organizationId the organization
     * @param after the last membership id of the previous page, or empty
     * @param limit how many rows at most
     * @return the members
     */
    List<MemberSummary> listActive(OrganizationId organizationId, Optional<MemberId> after, int limit);

    /**
     * Locks and returns a user's membership row for the rest of the transaction.
     *
     * @param organizationId the organization
     * @param userId the user
     * @return the membership, or empty
     */
    Optional<Member> lockByUser(OrganizationId organizationId, UserId userId);

    /**
     * Locks and returns every active owner's membership row (in id order, so concurrent callers queue
     * rather than deadlock). The last-owner rule is decided on this locked set.
     *
     * @param organizationId the organization
     * @return the active owners
     */
    List<Member> lockActiveOwners(OrganizationId organizationId);

    /**
     * Writes a membership's role, permissions and active flag.
     *
     * @param member the membership with its new values
     */
    void update(Member member);

    /**
     * Makes a user an active member with a role: inserts the row, or reactivates a removed one.
     * Does nothing when the user is already an active member.
     *
     * @param member the membership to insert (its id is used only for a new row)
     * @return true when the user joined (inserted or reactivated), false when already active
     */
    boolean join(Member member);
}
