/** JDBI repositories of {@code plan} and {@code billing}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.jdbi.internal.billing;
