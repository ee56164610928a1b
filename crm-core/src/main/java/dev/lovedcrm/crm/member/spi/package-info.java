/** Persistence ports of {@code member}, implemented by stores such as crm-jdbi. For stores, not application code: their records may carry hashes and other stored-only fields. */
package dev.lovedcrm.crm.member.spi;
