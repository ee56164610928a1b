/** Implementation of {@code plan}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.plan.internal;
