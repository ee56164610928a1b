/** A layout that breaks every rule of {@code ArchitectureRules}, to prove that each rule can fail. */
package dev.lovedcrm.crm.archfixture;
