/** Sessions as the API shows them. */
package dev.lovedcrm.crm.auth.session;
