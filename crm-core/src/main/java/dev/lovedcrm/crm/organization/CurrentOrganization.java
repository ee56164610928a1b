package dev.lovedcrm.crm.organization;

import dev.lovedcrm.crm.id.UserId;

/**
 * The scope's own organization. From {@code scope.organization()}; every call re-checks, in its own
 * transaction, that the acting principal is still active in an active organization.
 */
public interface CurrentOrganization {

    /**
     * The organization, settings included. Requires {@code organization.read} (every role).
     *
     * @return the organization
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code tenant.access_denied} when the acting
     *     principal is no longer active here, {@code permission.denied} when it may not read
     */
    Organization get();

    /**
     * Updates the organization's profile. Requires {@code organization.update} (owner, admin). Publishes
     * {@code organization.updated}.
     *
     * @param patch the changes
     * @return the updated organization
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code patch} or the field at fault
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code permission.denied} when the member may not
     */
    Organization update(OrganizationPatch patch);

    /**
     * Deactivates the organization: no scope opens on it afterwards, and open scopes stop working. Owner
     * only. Publishes {@code organization.deactivated}.
     *
     * @return the deactivated organization
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code permission.denied} unless the member is an owner
     */
    Organization deactivate();

    /**
     * Hands ownership to another active member, atomically: they become owner (and the organization's
     * {@code owner_id}), the acting owner becomes admin. Owner only. Publishes {@code ownership.transferred}.
     *
     * @param newOwner the member who takes over
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code newOwner} when null or the acting member
     * @throws dev.lovedcrm.crm.error.PermissionDeniedException {@code permission.denied} unless the actor is an owner
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code member.not_found}
     */
    void transferOwnership(UserId newOwner);
}
