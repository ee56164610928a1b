package dev.lovedcrm.crm.event;

/** The event types the SDK publishes; {@link #type()} is the stable wire name. */
public enum EventType {
    /** An organization was created (its creator became the owner). */
    ORGANIZATION_CREATED("organization.created"),
    /** Profile fields or settings of an organization changed. */
    ORGANIZATION_UPDATED("organization.updated"),
    /** An organization was deactivated. */
    ORGANIZATION_DEACTIVATED("organization.deactivated"),
    /** A user became an active member. */
    MEMBER_JOINED("member.joined"),
    /** A member's role changed. */
    MEMBER_ROLE_CHANGED("member.role_changed"),
    /** A member's permission overrides changed. */
    MEMBER_PERMISSIONS_CHANGED("member.permissions_changed"),
    /** A member was removed by someone else. */
    MEMBER_REMOVED("member.removed"),
    /** A member left on their own. */
    MEMBER_LEFT("member.left"),
    /** Ownership moved from one member to another. */
    OWNERSHIP_TRANSFERRED("ownership.transferred"),
    /** An invite was created. */
    INVITE_CREATED("invite.created"),
    /** An invite was re-sent with a new token. */
    INVITE_RESENT("invite.resent"),
    /** An invite was accepted. */
    INVITE_ACCEPTED("invite.accepted"),
    /** An invite was rejected by the invitee. */
    INVITE_REJECTED("invite.rejected"),
    /** An invite was cancelled by an owner or admin, or replaced by a newer one. */
    INVITE_CANCELLED("invite.cancelled"),
    /** An invite was found past its expiry. */
    INVITE_EXPIRED("invite.expired"),
    /** An account was registered (account-level: listeners only). */
    USER_REGISTERED("user.registered"),
    /** An email verification token was issued; the host should deliver it (account-level). */
    USER_EMAIL_VERIFICATION_REQUESTED("user.email_verification_requested"),
    /** An email was verified (account-level). */
    USER_EMAIL_VERIFIED("user.email_verified"),
    /** A password reset token was issued; the host should deliver it (account-level). */
    USER_PASSWORD_RESET_REQUESTED("user.password_reset_requested"),
    /** A password was changed or reset (account-level). */
    USER_PASSWORD_CHANGED("user.password_changed"),
    /** A rotated refresh token was presented again: the session was revoked (account-level). */
    SESSION_REFRESH_REUSED("session.refresh_reused"),
    /** Two-factor authentication was enabled for a member in an organization. */
    TWO_FACTOR_ENABLED("two_factor.enabled"),
    /** Two-factor authentication was disabled for a member in an organization. */
    TWO_FACTOR_DISABLED("two_factor.disabled"),
    /** A lead was created. */
    LEAD_CREATED("lead.created"),
    /** Fields, tags or the favourite mark of a lead changed. */
    LEAD_UPDATED("lead.updated"),
    /** A lead moved to another stage (also when closed or reopened). */
    LEAD_STAGE_CHANGED("lead.stage_changed"),
    /** A lead was closed as won. */
    LEAD_WON("lead.won"),
    /** A lead was closed as lost. */
    LEAD_LOST("lead.lost"),
    /** A closed lead was reopened. */
    LEAD_REOPENED("lead.reopened"),
    /** A lead was deleted. */
    LEAD_DELETED("lead.deleted"),
    /** A lead was assigned or unassigned. */
    LEAD_ASSIGNED("lead.assigned"),
    /** An organization's subscription changed (plan, state, period or cancellation). */
    SUBSCRIPTION_UPDATED("subscription.updated"),
    /** An organization moved to another plan. */
    PLAN_CHANGED("plan.changed");

    private final String type;

    EventType(String type) {
        this.type = type;
    }

    /**
     * The wire name, e.g. {@code member.joined}.
     *
     * @return the type
     */
    public String type() {
        return type;
    }
}
