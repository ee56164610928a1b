/** The persistence port of the SDK: transactions and repository lookup. Implemented by crm-jdbi. */
package dev.lovedcrm.crm.store;
