/**
 * The SDK's kernel: the runtime that holds the shared dependencies, the tenant unit of work every tenant
 * service is built on, and helpers shared by features. Internal: not supported for application use, and
 * free to change in any release.
 */
package dev.lovedcrm.crm.internal;
