package dev.lovedcrm.crm.preference.internal;

import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.spi.PreferencesRepository;
import dev.lovedcrm.crm.preference.UserPreferences;
import dev.lovedcrm.crm.store.CrmStore;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@link UserPreferences} service of one tenant scope. */
public final class DefaultUserPreferences implements UserPreferences {

    static final Set<String> THEMES = Set.of("system", "light", "dark");
    static final Set<String> DATE_FORMATS = Set.of("DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD");
    static final Set<String> TIME_FORMATS = Set.of("12h", "24h");
    static final Set<String> LAYOUTS = Set.of("default", "compact", "detailed");
    static final Set<String> PAGE_SIZES = Set.of("10", "25", "50", "100");
    static final Set<String> VISIBILITIES = Set.of("public", "organization", "private");
    static final int MAX_CUSTOM_SETTINGS_BYTES = 16 * 1024;
    private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final CrmStore store;
    private final TenantContext context;

    public DefaultUserPreferences(CrmStore store, TenantContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Preferences get() {
        return store.inTenant(context.organizationId(), tx -> tx.repository(PreferencesRepository.class)
                .lock(context.organizationId(), context.actingUserId())
                .orElse(Preferences.defaults()));
    }

    @Override
    public Preferences update(PreferencesPatch patch) {
        Validation.requireNonNull("patch", patch);
        Validation v = new Validation()
                .oneOf("theme", patch.theme(), THEMES)
                .languageTag("language", patch.language())
                .timezone("timezone", patch.timezone())
                .oneOf("dateFormat", patch.dateFormat(), DATE_FORMATS)
                .oneOf("timeFormat", patch.timeFormat(), TIME_FORMATS)
                .oneOf("dashboardLayout", patch.dashboardLayout(), LAYOUTS)
                .oneOf("itemsPerPage", patch.itemsPerPage(), PAGE_SIZES)
                .oneOf("profileVisibility", patch.profileVisibility(), VISIBILITIES)
                .json("customSettings", patch.customSettings(), MAX_CUSTOM_SETTINGS_BYTES);
        if (patch.quietHours() != null) {
            v.check(isQuietHours(patch.quietHours()), "quietHours",
                    "must be {} or {\"enabled\": true|false, \"start\": \"HH:mm\", \"end\": \"HH:mm\"}");
        }
        v.throwIfInvalid();
        return store.inTenant(context.organizationId(), tx -> {
            PreferencesRepository repository = tx.repository(PreferencesRepository.class);
            Preferences current = repository.lock(context.organizationId(), context.actingUserId())
                    .orElse(Preferences.defaults());
            Preferences updated = PreferencesMerge.apply(current, patch);
            repository.save(context.organizationId(), context.actingUserId(), updated);
            return updated;
        });
    }

    private static boolean isQuietHours(Map<String, Object> quietHours) {
        if (quietHours.isEmpty()) {
            return true;
        }
        return Set.of("enabled", "start", "end").equals(quietHours.keySet())
                && quietHours.get("enabled") instanceof Boolean
                && quietHours.get("start") instanceof String start && CLOCK_TIME.matcher(start).matches()
                && quietHours.get("end") instanceof String end && CLOCK_TIME.matcher(end).matches();
    }
}
