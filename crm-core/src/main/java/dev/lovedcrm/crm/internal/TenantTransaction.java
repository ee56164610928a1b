package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Principal;
import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.access.spi.PrincipalRepository;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.event.DomainEvent;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.store.StoreTransaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One open tenant transaction, handed to the work of {@link TenantWork#run}. It is the only source of the
 * organization ({@link #organizationId()}) that repositories filter on, gives one repository per port,
 * re-checks the acting principal and publishes events with the organization and the actor filled in.
 */
public final class TenantTransaction implements StoreTransaction {

    private final CrmRuntime runtime;
    private final TenantContext context;
    private final StoreTransaction store;
    private final Map<Class<?>, Object> repositories = new HashMap<>();
    private Principal actor;

    TenantTransaction(CrmRuntime runtime, TenantContext context, StoreTransaction store) {
        this.runtime = runtime;
        this.context = context;
        this.store = store;
    }

    /** The organization this transaction is confined to. */
    public OrganizationId organizationId() {
        return context.organizationId();
    }

    /** The implementation of a repository port in this transaction, one instance per port. */
    @Override
    public <R> R repository(Class<R> port) {
        return port.cast(repositories.computeIfAbsent(port, store::repository));
    }

    /**
     * The acting principal as the database has it now (membership or key active, organization active),
     * allowed to perform {@code action}; read once per transaction.
     *
     * @throws PermissionDeniedException {@code tenant.access_denied} when the principal is no longer active,
     *     {@code permission.denied} when its current role or scopes do not allow the action
     */
    public Principal actor(Action action) {
        if (actor == null) {
            actor = load(false);
        }
        AccessPolicy.require(actor, action);
        return actor;
    }

    /**
     * The acting member, re-read with its membership row locked until the transaction ends, allowed to
     * perform {@code action}: for changes that depend on the actor's role staying as read.
     */
    public MemberPrincipal lockedMember(Action action) {
        actor = load(true);
        AccessPolicy.require(actor, action);
        return (MemberPrincipal) actor;
    }

    /** The acting member's user, for operations on one's own account data (member-only actions). */
    public UserId memberUserId() {
        if (context.principal() instanceof MemberPrincipal member) {
            return member.userId();
        }
        throw memberOnly();
    }

    /** Records an event of this organization, by the acting principal, in this transaction's outbox. */
    public DomainEvent publish(EventType type, Map<String, Object> data) {
        return runtime.events().publish(this, type, organizationId(), actor != null ? actor : context.principal(), data);
    }

    /** Runs {@code action} after this transaction commits, never if it rolls back. */
    @Override
    public void afterCommit(Runnable action) {
        store.afterCommit(action);
    }

    public Instant now() {
        return runtime.now();
    }

    private Principal load(boolean lock) {
        PrincipalRepository principals = repository(PrincipalRepository.class);
        Principal principal = context.principal();
        Optional<? extends Principal> current;
        if (principal instanceof MemberPrincipal member) {
            current = lock
                    ? principals.lockActiveMember(organizationId(), member.userId())
                    : principals.activeMember(organizationId(), member.userId());
        } else {
            if (lock) {
                throw memberOnly();
            }
            current = principals.activeApiKey(organizationId(), ((ApiKeyPrincipal) principal).keyId(), now());
        }
        return current.orElseThrow(() -> new PermissionDeniedException("tenant.access_denied",
                "the acting " + principal.kind().dbValue().replace('_', ' ') + " is no longer active in this organization"));
    }

    private static PermissionDeniedException memberOnly() {
        return new PermissionDeniedException("permission.denied", "only a member may do this, not an API key");
    }
}
