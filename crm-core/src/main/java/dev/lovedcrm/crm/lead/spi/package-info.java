/** Persistence ports of {@code lead}, implemented by stores such as crm-jdbi. For stores, not application code. */
package dev.lovedcrm.crm.lead.spi;
