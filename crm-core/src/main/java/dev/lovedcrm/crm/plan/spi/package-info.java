/** Persistence ports of {@code plan}, implemented by stores such as crm-jdbi. For stores, not application code. */
package dev.lovedcrm.crm.plan.spi;
