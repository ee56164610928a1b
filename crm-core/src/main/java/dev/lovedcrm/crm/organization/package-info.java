/** Organizations: the tenants of the CRM. */
package dev.lovedcrm.crm.organization;
