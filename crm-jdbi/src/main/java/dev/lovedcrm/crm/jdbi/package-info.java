/**
 * The JDBI 3 and PostgreSQL adapter: {@link dev.lovedcrm.crm.jdbi.JdbiCrmStore} implements the
 * store port and {@link dev.lovedcrm.crm.jdbi.CrmDatabase} applies the schema migrations.
 */
package dev.lovedcrm.crm.jdbi;
