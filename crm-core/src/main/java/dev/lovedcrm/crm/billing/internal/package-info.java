/** Implementation of {@code billing}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.billing.internal;
