/** Implementation of {@code auth.totp}. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.auth.totp.internal;
