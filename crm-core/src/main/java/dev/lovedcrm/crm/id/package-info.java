/** Typed ids over {@link java.util.UUID}, generated as UUIDv7 by {@link dev.lovedcrm.crm.id.UuidV7}. */
package dev.lovedcrm.crm.id;
