/** Persistence ports of {@code billing}, implemented by stores such as crm-jdbi. For stores, not application code. */
package dev.lovedcrm.crm.billing.spi;
