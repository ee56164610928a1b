/** A runnable plain-Java tour of the SDK (not published). */
package dev.lovedcrm.crm.examples.quickstart;
