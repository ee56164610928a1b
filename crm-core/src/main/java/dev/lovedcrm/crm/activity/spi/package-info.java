/** Persistence ports of {@code activity}, implemented by stores such as crm-jdbi. For stores, not application code. */
package dev.lovedcrm.crm.activity.spi;
