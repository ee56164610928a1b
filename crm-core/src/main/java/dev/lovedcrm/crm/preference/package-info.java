/** A member's preferences in an organization: {@code scope.preferences()}. */
package dev.lovedcrm.crm.preference;
