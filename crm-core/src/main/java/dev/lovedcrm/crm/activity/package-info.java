/**
 * The activity log of leads: {@link dev.lovedcrm.crm.activity.Activities} (from {@code scope.activities()}) reads
 * the timeline of one lead or of the whole organization. Rows are written by the lead service, in the same
 * transaction as the change they describe.
 */
package dev.lovedcrm.crm.activity;
