/** Keyset paging: {@link dev.lovedcrm.crm.page.PageRequest} in, {@link dev.lovedcrm.crm.page.Page} out. */
package dev.lovedcrm.crm.page;
