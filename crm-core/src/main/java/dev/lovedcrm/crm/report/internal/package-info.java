/** Implementation of {@code report}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.report.internal;
