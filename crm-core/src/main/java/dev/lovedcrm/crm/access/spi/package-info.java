/** Persistence port of the access policy: the current state of acting principals. For stores, not application code. */
package dev.lovedcrm.crm.access.spi;
