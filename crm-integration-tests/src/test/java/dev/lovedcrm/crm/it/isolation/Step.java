package dev.lovedcrm.crm.it.isolation;

import dev.lovedcrm.crm.Role;

/**
 * One drawn step of the isolation property: who acts (tenant and member index), what, and on which
 * target (tenant and index into that tenant's users or invites), with a role and a number for the
 * operations that need a value.
 *
 * @param actorTenant index of the acting organization (0 or 1)
 * @param actor index of the acting member in it
 * @param operation what is done
 * @param targetTenant index of the organization the target belongs to
 * @param target index of the target user or invite there
 * @param role a role, for operations that assign one
 * @param salt a number, for operations that need a value
 */
public record Step(int actorTenant, int actor, IsolationOperation operation, int targetTenant, int target, Role role,
        int salt) {

    @Override
    public String toString() {
        return "tenant" + actorTenant + ".user" + actor + " " + operation + " -> tenant" + targetTenant + "[" + target + "] "
                + role + " #" + salt;
    }
}
