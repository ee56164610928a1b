package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.store.StoreTransaction;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;

/**
 * Registration of accounts for other features (accepting an invite registers and joins in one transaction),
 * implemented by the user feature and reached through {@link CrmRuntime#accounts()}.
 */
public interface AccountRegistrar {

    /**
     * Checks a registration and hashes its password, before any transaction.
     *
     * @param input the registration
     * @param emailVerified whether the email is already proven (a user who received an invite by email)
     * @return the registration to save
     */
    PreparedAccount prepare(NewUser input, boolean emailVerified);

    /** A checked, hashed registration, ready to be saved in a transaction of the caller's choosing. */
    interface PreparedAccount {

        /** The account to insert. */
        User user();

        /** Inserts the account and publishes {@code user.registered}; returns the stored account. */
        User save(StoreTransaction tx);
    }
}
