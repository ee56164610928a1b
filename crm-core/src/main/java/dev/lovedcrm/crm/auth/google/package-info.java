/** Google sign-in: the verifier SPI for Google ID tokens and its nimbus-jose-jwt implementation. */
package dev.lovedcrm.crm.auth.google;
