/**
 * Stripe billing for the CRM. This first release holds the configuration; the billing gateway,
 * webhook verification and subscription sync arrive with the billing issue.
 */
package dev.lovedcrm.crm.stripe;
