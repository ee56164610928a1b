/** User accounts: {@code crm.users()} and {@code crm.userAdministration()}. */
package dev.lovedcrm.crm.user;
