/** A real, empty, migrated PostgreSQL for tests: {@code @CrmDatabaseTest}, {@code CrmTestDatabases}, {@code EmbeddedCrmDatabase}. */
package dev.lovedcrm.crm.testkit;
