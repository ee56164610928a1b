package dev.lovedcrm.crm.organization;

import dev.lovedcrm.crm.Role;
import java.time.Instant;

/**
 * An organization a user belongs to, with the user's role in it.
 *
 * @param organization the organization
 * @param role the user's role there
 * @param joinedAt when the user joined
 */
public record OrganizationMembership(Organization organization, Role role, Instant joinedAt) {
}
