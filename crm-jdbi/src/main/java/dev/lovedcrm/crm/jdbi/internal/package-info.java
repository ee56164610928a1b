/** The JDBI store: transactions, type mappings, error translation and the registry of repositories. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.jdbi.internal;
