package dev.lovedcrm.crm.preference.internal;

import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.UserPreferences;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;

/** The {@link UserPreferences} service of one tenant scope. */
public final class DefaultUserPreferences implements UserPreferences {

    private final TenantWork work;

    public DefaultUserPreferences(TenantWork work) {
        this.work = work;
    }

    @Override
    public Preferences get() {
        return work.run(Action.PREFERENCES_MANAGE, tx -> tx.repository(PreferencesRepository.class)
                .lock(tx.organizationId(), tx.memberUserId())
                .orElse(Preferences.defaults()));
    }

    @Override
    public Preferences update(PreferencesPatch patch) {
        Validation.requireNonNull("patch", patch);
        patch.applyTo(Preferences.defaults());
        return work.run(Action.PREFERENCES_MANAGE, tx -> {
            PreferencesRepository repository = tx.repository(PreferencesRepository.class);
            Preferences updated = patch.applyTo(repository.lock(tx.organizationId(), tx.memberUserId())
                    .orElse(Preferences.defaults()));
            repository.save(tx.organizationId(), tx.memberUserId(), updated);
            return updated;
        });
    }
}
