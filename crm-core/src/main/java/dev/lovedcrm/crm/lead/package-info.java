/**
 * Leads and the sales pipeline: {@link dev.lovedcrm.crm.lead.Leads} (from {@code scope.leads()}) creates, reads,
 * changes, moves, closes and deletes the organization's leads, and records every change in the activity log
 * ({@code scope.activities()}).
 */
package dev.lovedcrm.crm.lead;
