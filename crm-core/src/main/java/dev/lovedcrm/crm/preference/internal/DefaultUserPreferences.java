package dev.lovedcrm.crm.preference.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.internal.TenantTransaction;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.UserPreferences;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import dev.lovedcrm.crm.user.spi.UserRepository;

/** The {@link UserPreferences} service of one tenant scope. */
public final class DefaultUserPreferences implements UserPreferences {

    private final TenantWork work;

    public DefaultUserPreferences(TenantWork work) {
        this.work = work;
    }

    @Override
    public Preferences get() {
        return work.run(Action.PREFERENCES_MANAGE, DefaultUserPreferences::current);
    }

    @Override
    public Preferences update(PreferencesPatch patch) {
        Validation.requireNonNull("patch", patch);
        patch.applyTo(Preferences.defaults());
        return work.run(Action.PREFERENCES_MANAGE, tx -> {
            Preferences updated = patch.applyTo(current(tx));
            tx.repository(PreferencesRepository.class).save(tx.organizationId(), tx.memberUserId(), updated);
            return updated;
        });
    }

    /** The saved preferences, locked; or, until the member saves, the defaults in the account's language and zone. */
    private static Preferences current(TenantTransaction tx) {
        return tx.repository(PreferencesRepository.class).lock(tx.organizationId(), tx.memberUserId())
                .orElseGet(() -> tx.repository(UserRepository.class).findById(tx.memberUserId())
                        .map(user -> Preferences.defaults(user.language(), user.timezone()))
                        .orElseGet(Preferences::defaults));
    }
}
