package dev.lovedcrm.crm.member.internal;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.member.Members;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Members} service of one tenant scope. Changes lock the organization's active owners first,
 * then the acting member, then the target, always in that order, so concurrent changes cannot deadlock
 * and the last-owner rule holds.
 */
public final class DefaultMembers implements Members {

    private final TenantWork work;

    public DefaultMembers(TenantWork work) {
        this.work = work;
    }

    @Override
    public Page<MemberSummary> list(PageRequest page) {
        Validation.requireNonNull("page", page);
        Optional<MemberId> after = page.after().map(c -> MemberId.parse(c.key(0, 1)));
        return work.run(Action.MEMBER_LIST, tx -> Page.fromRows(
                members(tx).listActive(tx.organizationId(), after, page.limit() + 1),
                page.limit(),
                m -> Cursor.of(m.member().id())));
    }

    @Override
    public Member get(UserId userId) {
        Validation.requireNonNull("userId", userId);
        return work.run(Action.MEMBER_LIST, tx -> members(tx).findByUser(tx.organizationId(), userId)
                .filter(Member::active)
                .orElseThrow(() -> NotFoundException.of("member", userId)));
    }

    @Override
    public Member changeRole(UserId userId, Role role) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("role", role);
        return work.run(Action.MEMBER_MANAGE, tx -> {
            List<Member> owners = members(tx).lockActiveOwners(tx.organizationId());
            MemberPrincipal actor = tx.lockedMember(Action.MEMBER_MANAGE);
            Member target = activeTarget(tx, userId);
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
            Member updated = target.withRole(role);
            members(tx).update(updated);
            tx.publish(EventType.MEMBER_ROLE_CHANGED, Map.of(
                    "userId", userId.toString(), "from", target.role().dbValue(), "to", role.dbValue()));
            return updated;
        });
    }

    @Override
    public Member remove(UserId userId) {
        Validation.requireNonNull("userId", userId);
        if (work.principal() instanceof MemberPrincipal self && self.userId().equals(userId)) {
            throw ValidationException.of("userId", "is the acting member: use leave()");
        }
        return work.run(Action.MEMBER_MANAGE, tx -> {
            List<Member> owners = members(tx).lockActiveOwners(tx.organizationId());
            MemberPrincipal actor = tx.lockedMember(Action.MEMBER_MANAGE);
            Member target = activeTarget(tx, userId);
            if (!AccessPolicy.canRemove(actor.role(), target.role())) {
                throw denied("may not remove a " + target.role().dbValue());
            }
            if (target.role() == Role.OWNER && owners.size() <= 1) {
                throw new ConflictException("member.last_owner", "the last owner cannot be removed");
            }
            Member removed = target.withActive(false);
            members(tx).update(removed);
            tx.publish(EventType.MEMBER_REMOVED, Map.of("userId", userId.toString(), "role", target.role().dbValue()));
            return removed;
        });
    }

    @Override
    public void leave() {
        work.execute(Action.MEMBER_LEAVE, tx -> {
            List<Member> owners = members(tx).lockActiveOwners(tx.organizationId());
            MemberPrincipal actor = tx.lockedMember(Action.MEMBER_LEAVE);
            if (actor.role() == Role.OWNER && owners.size() <= 1) {
                throw new ConflictException("member.owner_must_transfer",
                        "the last owner cannot leave: transfer ownership first");
            }
            members(tx).update(activeTarget(tx, actor.userId()).withActive(false));
            tx.publish(EventType.MEMBER_LEFT, Map.of("userId", actor.userId().toString(), "role", actor.role().dbValue()));
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
        return work.run(Action.MEMBER_SET_PERMISSIONS, tx -> {
            MemberPrincipal actor = tx.lockedMember(Action.MEMBER_SET_PERMISSIONS);
            Member target = activeTarget(tx, userId);
            if (target.userId().equals(actor.userId()) || !AccessPolicy.canRemove(actor.role(), target.role())) {
                throw denied("may not set the permissions of a " + target.role().dbValue());
            }
            Member updated = target.withPermissions(permissions);
            members(tx).update(updated);
            tx.publish(EventType.MEMBER_PERMISSIONS_CHANGED, Map.of("userId", userId.toString(), "permissions", permissions));
            return updated;
        });
    }

    private static Member activeTarget(TenantTransaction tx, UserId userId) {
        return members(tx).lockByUser(tx.organizationId(), userId)
                .filter(Member::active)
                .orElseThrow(() -> NotFoundException.of("member", userId));
    }

    private static MemberRepository members(TenantTransaction tx) {
        return tx.repository(MemberRepository.class);
    }

    private static PermissionDeniedException denied(String message) {
        return new PermissionDeniedException("permission.denied", message);
    }
}
