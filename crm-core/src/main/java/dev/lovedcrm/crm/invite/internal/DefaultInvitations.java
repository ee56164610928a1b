package dev.lovedcrm.crm.invite.internal;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.AccountRegistrar.PreparedAccount;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.Tokens;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.invite.Invitations;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InvitePreview;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The {@link Invitations} service: the invitee's side, reached by token. */
public final class DefaultInvitations implements Invitations {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final CrmRuntime runtime;

    public DefaultInvitations(CrmRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public InvitePreview preview(String token) {
        Invite invite = pendingInvite(token);
        return runtime.store().inTenant(invite.organizationId(), tx -> tx.repository(InviteRepository.class)
                .preview(invite.organizationId(), invite.id())
                .orElseThrow(InviteRules::notFound));
    }

    @Override
    public Member accept(String token, UserId userId) {
        Validation.requireNonNull("userId", userId);
        Invite found = pendingInvite(token);
        return runtime.store().inTenant(found.organizationId(), tx -> {
            Invite invite = lockCurrent(tx, found, token);
            String email = tx.repository(MemberRepository.class).activeUserEmail(userId)
                    .orElseThrow(() -> NotFoundException.of("user", userId));
            requireInvitedEmail(invite, email);
            return join(tx, invite, userId);
        });
    }

    @Override
    public Member acceptAsNewUser(String token, NewUser registration) {
        PreparedAccount prepared = runtime.accounts().prepare(registration, true);
        Invite found = pendingInvite(token);
        return runtime.store().inTenant(found.organizationId(), tx -> {
            Invite invite = lockCurrent(tx, found, token);
            requireInvitedEmail(invite, prepared.user().email());
            User user = prepared.save(tx);
            return join(tx, invite, user.id());
        });
    }

    private static void requireInvitedEmail(Invite invite, String email) {
        if (!email.equalsIgnoreCase(invite.email())) {
            throw new PermissionDeniedException("invite.email_mismatch", "the invite was sent to another email");
        }
    }

    /** Makes the user a member with the invited role (a removed member comes back) and closes the invite. */
    private Member join(StoreTransaction tx, Invite invite, UserId userId) {
        boolean organizationActive = tx.repository(OrganizationRepository.class)
                .findById(invite.organizationId()).map(Organization::active).orElse(false);
        if (!organizationActive) {
            throw InviteRules.notFound();
        }
        MemberRepository members = tx.repository(MemberRepository.class);
        Instant now = runtime.now();
        boolean joined = members.join(new Member(MemberId.generate(), invite.organizationId(), userId, invite.role(), Map.of(),
                true, now, null, null));
        tx.repository(InviteRepository.class).update(
                InviteRules.withStatus(invite, InviteStatus.ACCEPTED, now, now), Map.of("accepted_by", userId.toString()));
        MemberPrincipal actor = new MemberPrincipal(userId, invite.role(), Set.of());
        runtime.events().publish(tx, EventType.INVITE_ACCEPTED, invite.organizationId(), actor,
                Map.of("inviteId", invite.id().toString(), "userId", userId.toString()));
        if (joined) {
            runtime.events().publish(tx, EventType.MEMBER_JOINED, invite.organizationId(), actor,
                    Map.of("userId", userId.toString(), "role", invite.role().dbValue()));
        }
        return members.findByUser(invite.organizationId(), userId).orElseThrow();
    }

    @Override
    public Invite reject(String token, String reason) {
        new Validation().optionalMultilineText("reason", reason, 200).throwIfInvalid();
        Invite found = pendingInvite(token);
        return runtime.store().inTenant(found.organizationId(), tx -> {
            Invite invite = lockCurrent(tx, found, token);
            Invite rejected = InviteRules.withStatus(invite, InviteStatus.REJECTED, runtime.now(), null);
            tx.repository(InviteRepository.class).update(rejected,
                    reason == null || reason.isBlank() ? Map.of() : Map.of("rejection_reason", reason.trim()));
            runtime.events().publish(tx, EventType.INVITE_REJECTED, invite.organizationId(), null,
                    Map.of("inviteId", invite.id().toString()));
            return rejected;
        });
    }

    /**
     * The pending invite a token names. An overdue one is marked expired (and that is committed)
     * before {@code invite.expired} is thrown.
     */
    private Invite pendingInvite(String token) {
        new Validation().text("token", token, 1, MAX_TOKEN_LENGTH).throwIfInvalid();
        String hash = Tokens.hash(token.trim());
        Invite invite = runtime.store().inSystem("look up an invite by its token",
                        tx -> tx.repository(InviteRepository.class).findByTokenHash(hash))
                .orElseThrow(InviteRules::notFound);
        if (invite.status() == InviteStatus.EXPIRED || InviteRules.overdue(invite, runtime.now())) {
            markExpired(invite);
            throw new ConflictException("invite.expired", "the invite has expired");
        }
        if (invite.status() != InviteStatus.PENDING) {
            throw InviteRules.notFound();
        }
        return invite;
    }

    private void markExpired(Invite invite) {
        if (invite.status() != InviteStatus.PENDING) {
            return;
        }
        runtime.store().inTenant(invite.organizationId(), tx -> {
            for (Invite expired : tx.repository(InviteRepository.class).expireOverdue(invite.organizationId(), runtime.now())) {
                runtime.events().publish(tx, EventType.INVITE_EXPIRED, expired.organizationId(), null,
                        Map.of("inviteId", expired.id().toString()));
            }
            return null;
        });
    }

    /** Re-reads the invite under a row lock and checks it is still pending under the same token. */
    private Invite lockCurrent(StoreTransaction tx, Invite found, String token) {
        InviteRepository.Stored stored = tx.repository(InviteRepository.class)
                .lock(found.organizationId(), found.id())
                .filter(s -> Tokens.matches(token.trim(), s.tokenHash()))
                .orElseThrow(InviteRules::notFound);
        Invite invite = stored.invite();
        if (invite.status() != InviteStatus.PENDING) {
            throw InviteRules.notFound();
        }
        if (InviteRules.overdue(invite, runtime.now())) {
            throw new ConflictException("invite.expired", "the invite has expired");
        }
        return invite;
    }
}
