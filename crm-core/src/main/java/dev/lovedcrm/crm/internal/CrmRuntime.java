package dev.lovedcrm.crm.internal;

import dev.lovedcrm.crm.auth.google.GoogleIdTokenVerifier;
import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.error.AuthenticationException;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.store.CrmStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The dependencies every service shares, built once by {@code Crm}. A global service takes this alone; a
 * tenant service takes a {@link TenantWork} made from it. Feature settings are looked up by their record
 * type ({@code settings(AuthSettings.class)}), so the kernel knows no feature.
 */
public final class CrmRuntime {

    private final CrmStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final EventPublisher events;
    private final PasswordHasher hasher;
    private final GoogleIdTokenVerifier google;
    private final Map<Class<?>, Object> settings = new HashMap<>();
    private final AccountRegistrar accounts;

    public CrmRuntime(CrmStore store, Clock clock, SecureRandom random, List<EventListener> listeners,
            PasswordHasher hasher, GoogleIdTokenVerifier google, List<Object> settings,
            Function<CrmRuntime, AccountRegistrar> accounts) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.events = new EventPublisher(listeners, clock);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.google = google;
        for (Object setting : settings) {
            this.settings.put(setting.getClass(), setting);
        }
        this.accounts = accounts.apply(this);
    }

    public CrmStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public SecureRandom random() {
        return random;
    }

    public EventPublisher events() {
        return events;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    /** The configured Google ID token verifier; refuses Google sign-in when none was configured. */
    public GoogleIdTokenVerifier google() {
        if (google == null) {
            throw new AuthenticationException("auth.google_not_configured",
                    "Google sign-in needs Crm.builder().googleIdTokenVerifier(...)");
        }
        return google;
    }

    /** Registration of accounts inside other features' transactions. */
    public AccountRegistrar accounts() {
        return accounts;
    }

    /** The settings record of a feature, as given to the builder or its defaults. */
    public <S> S settings(Class<S> type) {
        Object value = settings.get(type);
        if (value == null) {
            throw new IllegalStateException("no settings of type " + type.getName());
        }
        return type.cast(value);
    }
}
