package dev.lovedcrm.crm.member.internal;

import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.store.StoreTransaction;

/**
 * The acting member as the database has it inside the current transaction (row locked), so a scope
 * opened before a demotion or removal cannot act on its old role.
 */
public final class ActingMember {

    private ActingMember() {
    }

    /** The active membership of the context's user, locked for the transaction. */
    public static Member current(StoreTransaction tx, TenantContext context) {
        return tx.repository(MemberRepository.class).lockByUser(context.organizationId(), context.actingUserId())
                .filter(Member::active)
                .orElseThrow(() -> new PermissionDeniedException("tenant.access_denied", "the acting user is no longer a member"));
    }

    /** {@link #current}, allowed to perform the action by its current role and overrides. */
    public static Member allowedTo(StoreTransaction tx, TenantContext context, Action action) {
        Member member = current(tx, context);
        if (!AccessPolicy.allows(member.role(), action) || member.deniedActions().contains(action)) {
            throw new PermissionDeniedException("permission.denied", "role " + member.role().dbValue() + " may not " + action.code());
        }
        return member;
    }
}
