package dev.lovedcrm.crm;

import java.util.UUID;

/**
 * Who acts inside a {@link TenantContext}: a member of the organization ({@link MemberPrincipal}) or one of
 * its API keys ({@link ApiKeyPrincipal}). The role policy, the kernel's re-check of the acting principal and
 * the events' actor handle both kinds.
 */
public sealed interface Principal permits MemberPrincipal, ApiKeyPrincipal {

    /**
     * The id recorded as the actor of events: the user id of a member, the key id of an API key.
     *
     * @return the id
     */
    UUID actorId();

    /**
     * Which kind of principal this is.
     *
     * @return the kind
     */
    ActorKind kind();
}
