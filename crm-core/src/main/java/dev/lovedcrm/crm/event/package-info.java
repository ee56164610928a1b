/** Domain events: the outbox record of what changed in an organization, and in-process listeners. */
package dev.lovedcrm.crm.event;
