/** Persistence ports of {@code report}, implemented by stores such as crm-jdbi. For stores, not application code. */
package dev.lovedcrm.crm.report.spi;
