/** Password hashing (argon2id by default) behind the {@link dev.lovedcrm.crm.auth.password.PasswordHasher} SPI. */
package dev.lovedcrm.crm.auth.password;
