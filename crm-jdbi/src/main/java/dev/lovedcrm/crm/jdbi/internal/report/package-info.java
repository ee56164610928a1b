/** The JDBI repositories of the {@code report} ports. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.jdbi.internal.report;
