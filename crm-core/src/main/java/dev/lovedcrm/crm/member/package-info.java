/** Organization members and their roles. */
package dev.lovedcrm.crm.member;
