/** JMH benchmarks of the SDK beside raw JDBC doing the same work (not published). */
package dev.lovedcrm.crm.benchmarks;
