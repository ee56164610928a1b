/** The role policy: who may do what in an organization ({@link dev.lovedcrm.crm.access.AccessPolicy}, {@link dev.lovedcrm.crm.access.Action}). */
package dev.lovedcrm.crm.access;
