package dev.lovedcrm.crm.member.internal;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.internal.EventPublisher;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.member.Members;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.organization.internal.OrganizationCopies;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.store.CrmStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Members} service of one tenant scope. */
public final class DefaultMembers implements Members {

    private final CrmStore store;
    private final TenantContext context;
    private final EventPublisher events;

    public DefaultMembers(CrmStore store, TenantContext context, EventPublisher events) {
        this.store = store;
        this.context = context;
        this.events = events;
    }

    @Override
    public Page<MemberSummary> list(PageRequest page) {
        Validation.requireNonNull("page", page);
        AccessPolicy.require(context, Action.MEMBER_LIST);
        Optional<MemberId> after = page.after().map(c -> MemberId.parse(c.key(0, 1)));
        return store.inTenant(context.organizationId(), tx -> Page.fromRows(
                tx.repository(MemberRepository.class).listActive(context.organizationId(), after, page.limit() + 1),
                page.limit(),
                m -> Cursor.of(m.member().id())));
    }

    @Override
    public Member get(UserId userId) {
        Validation.requireNonNull("userId", userId);
        AccessPolicy.require(context, Action.MEMBER_LIST);
        return store.inTenant(context.organizationId(), tx -> tx.repository(MemberRepository.class)
                .findByUser(context.organizationId(), userId)
                .filter(Member::active)
                .orElseThrow(() -> NotFoundException.of("member", userId)));
    }

    @Override
    public Member changeRole(UserId userId, Role role) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("role", role);
        AccessPolicy.require(context, Action.MEMBER_MANAGE);
        return store.inTenant(context.organizationId(), tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            List<Member> owners = members.lockActiveOwners(context.organizationId());
            Member actor = ActingMember.allowedTo(tx, context, Action.MEMBER_MANAGE);
            Member target = activeTarget(members, userId);
            boolean self = target.userId().equals(actor.userId());
            if (self && actor.role() != Role.OWNER || !AccessPolicy.canAssign(actor.role(), target.role(), role)) {
                throw denied("may not make a " + target.role().dbValue() + " a " + role.dbValue());
            }
            if (target.role() == role) {
                return target;
            }
            if (target.role() == Role.OWNER && owners.size() <= 1) {
                throw new ConflictException("member.last_owner", "the last owner cannot be demoted");
            }
            Member updated = withRole(target, role);
            members.update(updated);
            events.publish(tx, EventType.MEMBER_ROLE_CHANGED, context, Map.of(
                    "userId", userId.toString(), "from", target.role().dbValue(), "to", role.dbValue()));
            return updated;
        });
    }

    @Override
    public void transferOwnership(UserId newOwner) {
        Validation.requireNonNull("newOwner", newOwner);
        AccessPolicy.require(context, Action.OWNERSHIP_TRANSFER);
        store.inTenant(context.organizationId(), tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            members.lockActiveOwners(context.organizationId());
            Member actor = ActingMember.allowedTo(tx, context, Action.OWNERSHIP_TRANSFER);
            Member target = activeTarget(members, newOwner);
            if (target.userId().equals(actor.userId())) {
                throw ValidationException.of("newOwner", "must be another member");
            }
            members.update(withRole(target, Role.OWNER));
            members.update(withRole(actor, Role.ADMIN));
            OrganizationRepository organizations = tx.repository(OrganizationRepository.class);
            organizations.update(OrganizationCopies.withOwner(
                    organizations.findById(context.organizationId()).orElseThrow(), newOwner));
            events.publish(tx, EventType.OWNERSHIP_TRANSFERRED, context,
                    Map.of("from", actor.userId().toString(), "to", newOwner.toString()));
            return null;
        });
    }

    @Override
    public Member remove(UserId userId) {
        Validation.requireNonNull("userId", userId);
        if (userId.equals(context.actingUserId())) {
            throw ValidationException.of("userId", "is the acting member: use leave()");
        }
        AccessPolicy.require(context, Action.MEMBER_MANAGE);
        return store.inTenant(context.organizationId(), tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            List<Member> owners = members.lockActiveOwners(context.organizationId());
            Member actor = ActingMember.allowedTo(tx, context, Action.MEMBER_MANAGE);
            Member target = activeTarget(members, userId);
            if (!AccessPolicy.canRemove(actor.role(), target.role())) {
                throw denied("may not remove a " + target.role().dbValue());
            }
            if (target.role() == Role.OWNER && owners.size() <= 1) {
                throw new ConflictException("member.last_owner", "the last owner cannot be removed");
            }
            Member removed = deactivated(target);
            members.update(removed);
            events.publish(tx, EventType.MEMBER_REMOVED, context,
                    Map.of("userId", userId.toString(), "role", target.role().dbValue()));
            return removed;
        });
    }

    @Override
    public void leave() {
        store.inTenant(context.organizationId(), tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            List<Member> owners = members.lockActiveOwners(context.organizationId());
            Member actor = ActingMember.current(tx, context);
            if (actor.role() == Role.OWNER && owners.size() <= 1) {
                throw new ConflictException("member.owner_must_transfer",
                        "the last owner cannot leave: transfer ownership first");
            }
            members.update(deactivated(actor));
            events.publish(tx, EventType.MEMBER_LEFT, context,
                    Map.of("userId", actor.userId().toString(), "role", actor.role().dbValue()));
            return null;
        });
    }

    @Override
    public Member setPermissions(UserId userId, Map<String, Boolean> overrides) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("permissions", overrides);
        Map<String, Object> permissions = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> entry : overrides.entrySet()) {
            Action action = Action.parse("permissions", entry.getKey());
            if (entry.getValue() == null) {
                throw ValidationException.of("permissions", "override of " + action.code() + " must be true or false");
            }
            permissions.put(action.code(), entry.getValue());
        }
        AccessPolicy.require(context, Action.MEMBER_SET_PERMISSIONS);
        return store.inTenant(context.organizationId(), tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            Member actor = ActingMember.allowedTo(tx, context, Action.MEMBER_SET_PERMISSIONS);
            Member target = activeTarget(members, userId);
            if (target.userId().equals(actor.userId()) || !AccessPolicy.canRemove(actor.role(), target.role())) {
                throw denied("may not set the permissions of a " + target.role().dbValue());
            }
            Member updated = new Member(target.id(), target.organizationId(), target.userId(), target.role(),
                    permissions, target.active(), target.joinedAt(), target.createdAt(), target.updatedAt());
            members.update(updated);
            events.publish(tx, EventType.MEMBER_PERMISSIONS_CHANGED, context,
                    Map.of("userId", userId.toString(), "permissions", permissions));
            return updated;
        });
    }


    private Member activeTarget(MemberRepository members, UserId userId) {
        return members.lockByUser(context.organizationId(), userId)
                .filter(Member::active)
                .orElseThrow(() -> NotFoundException.of("member", userId));
    }

    private static Member withRole(Member m, Role role) {
        return new Member(m.id(), m.organizationId(), m.userId(), role, m.permissions(), m.active(), m.joinedAt(),
                m.createdAt(), m.updatedAt());
    }

    private static Member deactivated(Member m) {
        return new Member(m.id(), m.organizationId(), m.userId(), m.role(), m.permissions(), false, m.joinedAt(),
                m.createdAt(), m.updatedAt());
    }

    private static PermissionDeniedException denied(String message) {
        return new PermissionDeniedException("permission.denied", message);
    }
}
