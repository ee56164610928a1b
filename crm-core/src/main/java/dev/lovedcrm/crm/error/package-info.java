/**
 * The exceptions of the SDK: one unchecked hierarchy rooted at {@link dev.lovedcrm.crm.error.CrmException},
 * each with a stable machine code. No raw SQL, JDBI or Stripe exception escapes the public API.
 */
package dev.lovedcrm.crm.error;
