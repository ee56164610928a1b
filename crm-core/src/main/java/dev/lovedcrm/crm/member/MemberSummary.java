package dev.lovedcrm.crm.member;

/**
 * A membership with the member's public profile, as listed to other members.
 *
 * @param member the membership
 * @param email the member's email
 * @param fullName the member's full name
 */
public record MemberSummary(Member member, String email, String fullName) {
}
