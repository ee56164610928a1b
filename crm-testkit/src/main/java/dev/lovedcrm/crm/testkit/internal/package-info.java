/** How the testkit finds or starts a PostgreSQL server and makes databases. Internal: not supported for application use, and free to change in any release. */
package dev.lovedcrm.crm.testkit.internal;
