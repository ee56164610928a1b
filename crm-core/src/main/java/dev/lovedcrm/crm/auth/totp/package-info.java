/** The TOTP second factor of a member in an organization: {@code scope.twoFactor()}. */
package dev.lovedcrm.crm.auth.totp;
