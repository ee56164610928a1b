/** The plans on offer ({@code crm.plans()}): price in cents of BRL and the features that drive every entitlement. */
package dev.lovedcrm.crm.plan;
