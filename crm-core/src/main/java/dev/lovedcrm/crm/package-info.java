/**
 * The Loved CRM SDK: start at {@link dev.lovedcrm.crm.Crm}. Tenant-owned data is reached through a
 * {@link dev.lovedcrm.crm.TenantScope} carrying a {@link dev.lovedcrm.crm.TenantContext}.
 */
package dev.lovedcrm.crm;
