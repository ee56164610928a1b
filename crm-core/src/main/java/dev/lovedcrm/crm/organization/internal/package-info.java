/** Implementation of {@code organization}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.organization.internal;
