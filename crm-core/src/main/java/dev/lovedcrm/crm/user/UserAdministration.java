package dev.lovedcrm.crm.user;

import dev.lovedcrm.crm.id.UserId;

/**
 * Platform administration of accounts, from {@code crm.userAdministration()}. The SDK cannot know
 * who the platform's administrators are: expose these methods only behind the host's own admin
 * authorisation (for example to users with {@link User#superuser()}).
 */
public interface UserAdministration {

    /**
     * Deactivates an account: it can no longer sign in, and its sessions are revoked.
     *
     * @param id the user
     * @return the account
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    User deactivate(UserId id);

    /**
     * Reactivates an account.
     *
     * @param id the user
     * @return the account
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    User reactivate(UserId id);

    /**
     * Grants or withdraws the platform superuser flag. This is the only way to set it.
     *
     * @param id the user
     * @param superuser the new flag
     * @return the account
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    User setSuperuser(UserId id, boolean superuser);

    /**
     * Forces a password change at the next login.
     *
     * @param id the user
     * @return the account
     * @throws dev.lovedcrm.crm.error.NotFoundException with code {@code user.not_found}
     * @throws dev.lovedcrm.crm.error.ValidationException naming {@code userId} when null
     */
    User requirePasswordChange(UserId id);
}
