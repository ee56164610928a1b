/** The JDBI repositories of the {@code access} ports. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.jdbi.internal.access;
