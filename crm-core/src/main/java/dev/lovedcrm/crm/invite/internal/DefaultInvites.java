package dev.lovedcrm.crm.invite.internal;

import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.internal.EventPublisher;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.internal.Tokens;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.spi.InviteRepository;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.Invites;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.member.internal.ActingMember;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link Invites} service of one tenant scope. */
public final class DefaultInvites implements Invites {

    private final CrmStore store;
    private final TenantContext context;
    private final EventPublisher events;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration expiry;

    public DefaultInvites(CrmStore store, TenantContext context, EventPublisher events, Clock clock,
            SecureRandom random, Duration expiry) {
        this.store = store;
        this.context = context;
        this.events = events;
        this.clock = clock;
        this.random = random;
        this.expiry = expiry;
    }

    @Override
    public IssuedInvite create(NewInvite input) {
        Validation.requireNonNull("invite", input);
        new Validation()
                .email("email", input.email())
                .check(input.role() != null, "role", "is required")
                .optionalText("invitedName", input.invitedName(), 100)
                .check(input.message() == null || input.message().trim().length() >= 10 && input.message().trim().length() <= 500,
                        "message", "must be 10 to 500 characters")
                .throwIfInvalid();
        AccessPolicy.require(context, Action.INVITE_CREATE);
        if (!AccessPolicy.canInvite(context.role(), input.role())) {
            throw new PermissionDeniedException("permission.denied",
                    "a " + context.role().dbValue() + " may not invite a " + input.role().dbValue());
        }
        String email = input.email().trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        String token = Tokens.generate(random);
        Invite invite = new Invite(InviteId.generate(), context.organizationId(), context.actingUserId(), email,
                blankToNull(input.invitedName()), input.role(), InviteStatus.PENDING, blankToNull(input.message()),
                now.plus(expiry), null, null, null, null);

        return store.inTenant(context.organizationId(), tx -> {
            Member inviter = ActingMember.allowedTo(tx, context, Action.INVITE_CREATE);
            if (!AccessPolicy.canInvite(inviter.role(), input.role())) {
                throw new PermissionDeniedException("permission.denied",
                        "a " + inviter.role().dbValue() + " may not invite a " + input.role().dbValue());
            }
            if (tx.repository(MemberRepository.class).isActiveMemberEmail(context.organizationId(), email)) {
                throw new ConflictException("invite.already_member", "that email belongs to a member already");
            }
            InviteRepository invites = tx.repository(InviteRepository.class);
            for (Invite previous : invites.lockPendingByEmail(context.organizationId(), email)) {
                invites.update(InviteRules.withStatus(previous, InviteStatus.CANCELLED, now, null),
                        Map.of("replaced_by", invite.id().toString()));
                events.publish(tx, EventType.INVITE_CANCELLED, context,
                        Map.of("inviteId", previous.id().toString(), "reason", "replaced"));
            }
            invites.insert(invite, Tokens.hash(token));
            events.publish(tx, EventType.INVITE_CREATED, context, eventData(invite));
            return new IssuedInvite(reload(tx, invite.id()), token);
        });
    }

    @Override
    public Page<Invite> list(Optional<InviteStatus> status, PageRequest page) {
        Validation.requireNonNull("status", status);
        Validation.requireNonNull("page", page);
        AccessPolicy.require(context, Action.INVITE_LIST);
        Optional<InviteId> after = page.after().map(c -> InviteId.parse(c.key(0, 1)));
        return store.inTenant(context.organizationId(), tx -> {
            expireOverdue(tx);
            return Page.fromRows(
                    tx.repository(InviteRepository.class).list(context.organizationId(), status, after, page.limit() + 1),
                    page.limit(),
                    i -> Cursor.of(i.id()));
        });
    }

    @Override
    public Map<InviteStatus, Long> countByStatus() {
        AccessPolicy.require(context, Action.INVITE_LIST);
        return store.inTenant(context.organizationId(), tx -> {
            expireOverdue(tx);
            Map<InviteStatus, Long> counts = new EnumMap<>(InviteStatus.class);
            for (InviteStatus status : InviteStatus.values()) {
                counts.put(status, 0L);
            }
            counts.putAll(tx.repository(InviteRepository.class).countByStatus(context.organizationId()));
            return counts;
        });
    }

    @Override
    public Invite cancel(InviteId id) {
        Validation.requireNonNull("inviteId", id);
        AccessPolicy.require(context, Action.INVITE_MANAGE);
        return store.inTenant(context.organizationId(), tx -> {
            Invite invite = lockPending(tx, id);
            Invite cancelled = InviteRules.withStatus(invite, InviteStatus.CANCELLED, clock.instant(), null);
            tx.repository(InviteRepository.class).update(cancelled, Map.of());
            events.publish(tx, EventType.INVITE_CANCELLED, context,
                    Map.of("inviteId", id.toString(), "reason", "cancelled"));
            return reload(tx, id);
        });
    }

    @Override
    public IssuedInvite resend(InviteId id) {
        Validation.requireNonNull("inviteId", id);
        AccessPolicy.require(context, Action.INVITE_MANAGE);
        String token = Tokens.generate(random);
        return store.inTenant(context.organizationId(), tx -> {
            Invite invite = lockPending(tx, id);
            tx.repository(InviteRepository.class)
                    .replaceToken(context.organizationId(), id, Tokens.hash(token), clock.instant().plus(expiry));
            events.publish(tx, EventType.INVITE_RESENT, context, eventData(invite));
            return new IssuedInvite(reload(tx, id), token);
        });
    }

    private Invite lockPending(StoreTransaction tx, InviteId id) {
        ActingMember.allowedTo(tx, context, Action.INVITE_MANAGE);
        Invite invite = tx.repository(InviteRepository.class).lock(context.organizationId(), id)
                .map(InviteRepository.Stored::invite)
                .orElseThrow(InviteRules::notFound);
        if (invite.status() != InviteStatus.PENDING) {
            throw InviteRules.notPending(invite);
        }
        return invite;
    }

    private void expireOverdue(StoreTransaction tx) {
        for (Invite expired : tx.repository(InviteRepository.class).expireOverdue(context.organizationId(), clock.instant())) {
            events.publish(tx, EventType.INVITE_EXPIRED, context, Map.of("inviteId", expired.id().toString()));
        }
    }

    private Invite reload(StoreTransaction tx, InviteId id) {
        return tx.repository(InviteRepository.class).lock(context.organizationId(), id).orElseThrow().invite();
    }

    private static Map<String, Object> eventData(Invite invite) {
        return Map.of("inviteId", invite.id().toString(), "email", invite.email(), "role", invite.role().dbValue());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
