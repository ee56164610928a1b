package dev.lovedcrm.crm.auth.password;

/**
 * Hashes and verifies passwords. The default is {@link Argon2idPasswordHasher}; a host may plug in
 * its own with {@code Crm.builder().passwordHasher(...)}. Implementations must produce
 * self-describing hash strings (algorithm and parameters inside), never log the password, and be
 * safe for concurrent use.
 */
public interface PasswordHasher {

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the password; the caller may wipe it afterwards
     * @return the encoded hash, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$…}
     */
    String hash(char[] password);

    /**
     * Checks a password against a stored hash, in time that does not depend on where they differ.
     *
     * @param hash the stored hash
     * @param password the candidate
     * @return true when they match
     */
    boolean verify(String hash, char[] password);

    /**
     * Whether a stored hash was made with weaker parameters than the current ones, so it should be
     * replaced after the next successful verification.
     *
     * @param hash the stored hash
     * @return true when it should be rehashed
     */
    boolean needsRehash(String hash);
}
