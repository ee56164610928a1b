package dev.lovedcrm.crm;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.id.ApiKeyId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An organization's API key acting in it. It may perform exactly the actions of its scopes that
 * {@link Action#grantableToApiKeys()} allows.
 *
 * @param keyId the key
 * @param scopes the actions granted to the key
 */
public record ApiKeyPrincipal(ApiKeyId keyId, Set<Action> scopes) implements Principal {

    /**
     * Checks the fields and copies the set.
     *
     * @param keyId the key
     * @param scopes the granted actions, possibly empty
     */
    public ApiKeyPrincipal {
        Objects.requireNonNull(keyId, "keyId");
        scopes = Set.copyOf(scopes);
    }

    @Override
    public UUID actorId() {
        return keyId.value();
    }

    @Override
    public ActorKind kind() {
        return ActorKind.API_KEY;
    }
}
