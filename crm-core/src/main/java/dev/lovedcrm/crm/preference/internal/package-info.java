/** Implementation of {@code preference}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.preference.internal;
