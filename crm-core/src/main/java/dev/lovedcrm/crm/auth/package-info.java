/** Sign-in and sessions: {@code crm.auth()}, its settings and results. */
package dev.lovedcrm.crm.auth;
