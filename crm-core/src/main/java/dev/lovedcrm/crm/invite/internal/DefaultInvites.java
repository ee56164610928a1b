package dev.lovedcrm.crm.invite.internal;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Tokens;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.Invites;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.TenancySettings;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link Invites} service of one tenant scope. */
public final class DefaultInvites implements Invites {

    private final TenantWork work;

    public DefaultInvites(TenantWork work) {
        this.work = work;
    }

    @Override
    public IssuedInvite create(NewInvite input) {
        Validation.requireNonNull("invite", input);
        new Validation()
                .email("email", input.email())
                .check(input.role() != null, "role", "is required")
                .optionalText("invitedName", input.invitedName(), 100)
                .optionalMultilineText("message", input.message(), 500)
                .check(input.message() == null || input.message().trim().length() >= 10 && input.message().trim().length() <= 500,
                        "message", "must be 10 to 500 characters")
                .throwIfInvalid();
        if (work.principal() instanceof MemberPrincipal member && !AccessPolicy.canInvite(member.role(), input.role())) {
            throw cannotInvite(member, input);
        }
        String email = input.email().trim().toLowerCase(Locale.ROOT);
        String token = Tokens.generate(work.runtime().random());
        return work.run(Action.INVITE_CREATE, tx -> {
            MemberPrincipal inviter = tx.lockedMember(Action.INVITE_CREATE);
            if (!AccessPolicy.canInvite(inviter.role(), input.role())) {
                throw cannotInvite(inviter, input);
            }
            if (tx.repository(MemberRepository.class).isActiveMemberEmail(tx.organizationId(), email)) {
                throw new ConflictException("invite.already_member", "that email belongs to a member already");
            }
            Instant now = tx.now();
            Invite invite = new Invite(InviteId.generate(), tx.organizationId(), inviter.userId(), email,
                    blankToNull(input.invitedName()), input.role(), InviteStatus.PENDING, blankToNull(input.message()),
                    now.plus(expiry()), null, null, null, null);
            InviteRepository invites = invites(tx);
            for (Invite previous : invites.lockPendingByEmail(tx.organizationId(), email)) {
                invites.update(InviteRules.withStatus(previous, InviteStatus.CANCELLED, now, null),
                        Map.of("replaced_by", invite.id().toString()));
                tx.publish(EventType.INVITE_CANCELLED, Map.of("inviteId", previous.id().toString(), "reason", "replaced"));
            }
            invites.insert(invite, Tokens.hash(token));
            tx.publish(EventType.INVITE_CREATED, eventData(invite));
            return new IssuedInvite(reload(tx, invite.id()), token);
        });
    }

    @Override
    public Page<Invite> list(Optional<InviteStatus> status, PageRequest page) {
        Validation.requireNonNull("status", status);
        Validation.requireNonNull("page", page);
        Optional<InviteId> after = page.after().map(c -> InviteId.parse(c.key(0, 1)));
        return work.run(Action.INVITE_LIST, tx -> {
            expireOverdue(tx);
            return Page.fromRows(
                    invites(tx).list(tx.organizationId(), status, after, page.limit() + 1),
                    page.limit(),
                    i -> Cursor.of(i.id()));
        });
    }

    @Override
    public Map<InviteStatus, Long> countByStatus() {
        return work.run(Action.INVITE_LIST, tx -> {
            expireOverdue(tx);
            Map<InviteStatus, Long> counts = new EnumMap<>(InviteStatus.class);
            for (InviteStatus status : InviteStatus.values()) {
                counts.put(status, 0L);
            }
            counts.putAll(invites(tx).countByStatus(tx.organizationId()));
            return counts;
        });
    }

    @Override
    public Invite cancel(InviteId id) {
        Validation.requireNonNull("inviteId", id);
        return work.run(Action.INVITE_MANAGE, tx -> {
            Invite invite = lockPending(tx, id);
            invites(tx).update(InviteRules.withStatus(invite, InviteStatus.CANCELLED, tx.now(), null), Map.of());
            tx.publish(EventType.INVITE_CANCELLED, Map.of("inviteId", id.toString(), "reason", "cancelled"));
            return reload(tx, id);
        });
    }

    @Override
    public IssuedInvite resend(InviteId id) {
        Validation.requireNonNull("inviteId", id);
        String token = Tokens.generate(work.runtime().random());
        return work.run(Action.INVITE_MANAGE, tx -> {
            Invite invite = lockPending(tx, id);
            invites(tx).replaceToken(tx.organizationId(), id, Tokens.hash(token), tx.now().plus(expiry()));
            tx.publish(EventType.INVITE_RESENT, eventData(invite));
            return new IssuedInvite(reload(tx, id), token);
        });
    }

    private static Invite lockPending(TenantTransaction tx, InviteId id) {
        tx.lockedMember(Action.INVITE_MANAGE);
        Invite invite = invites(tx).lock(tx.organizationId(), id)
                .map(InviteRepository.Stored::invite)
                .orElseThrow(InviteRules::notFound);
        if (invite.status() != InviteStatus.PENDING || InviteRules.overdue(invite, tx.now())) {
            throw InviteRules.notPending(invite, tx.now());
        }
        return invite;
    }

    private static void expireOverdue(TenantTransaction tx) {
        for (Invite expired : invites(tx).expireOverdue(tx.organizationId(), tx.now())) {
            tx.publish(EventType.INVITE_EXPIRED, Map.of("inviteId", expired.id().toString()));
        }
    }

    private static Invite reload(TenantTransaction tx, InviteId id) {
        return invites(tx).lock(tx.organizationId(), id).orElseThrow().invite();
    }

    private static InviteRepository invites(TenantTransaction tx) {
        return tx.repository(InviteRepository.class);
    }

    private Duration expiry() {
        return work.runtime().settings(TenancySettings.class).inviteExpiry();
    }

    private static PermissionDeniedException cannotInvite(MemberPrincipal inviter, NewInvite input) {
        return new PermissionDeniedException("permission.denied",
                "a " + inviter.role().dbValue() + " may not invite a " + input.role().dbValue());
    }

    private static Map<String, Object> eventData(Invite invite) {
        return Map.of("inviteId", invite.id().toString(), "email", invite.email(), "role", invite.role().dbValue());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
