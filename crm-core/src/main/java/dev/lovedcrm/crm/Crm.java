package dev.lovedcrm.crm;

import dev.lovedcrm.crm.access.spi.PrincipalRepository;
import dev.lovedcrm.crm.auth.Auth;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.AuthenticatedSession;
import dev.lovedcrm.crm.auth.google.GoogleIdTokenVerifier;
import dev.lovedcrm.crm.auth.internal.DefaultAuth;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.billing.BillingGateway;
import dev.lovedcrm.crm.billing.BillingSettings;
import dev.lovedcrm.crm.billing.BillingWebhooks;
import dev.lovedcrm.crm.billing.internal.DefaultBillingWebhooks;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.TenantWork;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.invite.Invitations;
import dev.lovedcrm.crm.invite.internal.DefaultInvitations;
import dev.lovedcrm.crm.organization.Organizations;
import dev.lovedcrm.crm.organization.TenancySettings;
import dev.lovedcrm.crm.organization.internal.DefaultOrganizations;
import dev.lovedcrm.crm.plan.Plans;
import dev.lovedcrm.crm.plan.internal.DefaultPlans;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.user.AccountSettings;
import dev.lovedcrm.crm.user.UserAdministration;
import dev.lovedcrm.crm.user.Users;
import dev.lovedcrm.crm.user.internal.DefaultUsers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facade of the SDK, built once per application and shared by all threads.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .store(JdbiCrmStore.create(dataSource))
 *         .clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 *
 * <p>Global services hang off this object; everything owned by an organization is reached through
 * a {@link TenantScope}.
 */
public final class Crm {

    private final CrmRuntime runtime;
    private final Organizations organizations;
    private final Invitations invitations;
    private final DefaultUsers users;
    private final Auth auth;
    private final Plans plans;
    private final BillingWebhooks billingWebhooks;

    private Crm(Builder builder) {
        Objects.requireNonNull(builder.store, "store is required: Crm.builder().store(...)");
        PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher : Argon2idPasswordHasher.owaspMinimum();
        this.runtime = new CrmRuntime(builder.store, builder.clock, builder.random, builder.listeners, hasher,
                builder.googleIdTokenVerifier,
                List.of(builder.authSettings, builder.accountSettings, builder.tenancySettings, builder.billingSettings),
                DefaultUsers::new);
        this.organizations = new DefaultOrganizations(runtime);
        this.users = new DefaultUsers(runtime);
        this.invitations = new DefaultInvitations(runtime);
        this.auth = new DefaultAuth(runtime);
        this.plans = new DefaultPlans(runtime);
        this.billingWebhooks = new DefaultBillingWebhooks(runtime);
    }

    /**
     * Starts building a {@code Crm}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The clock every service reads time from.
     *
     * @return the clock
     */
    public Clock clock() {
        return runtime.clock();
    }

    /**
     * The plans on offer, cheapest first, with price and features. No permission needed.
     *
     * @return the service
     */
    public Plans plans() {
        return plans;
    }

    /**
     * The payment provider's webhook deliveries (needs a gateway: {@link Builder#billing}).
     *
     * @return the service
     */
    public BillingWebhooks billingWebhooks() {
        return billingWebhooks;
    }

    /**
     * Organizations as a whole: create, find, list a user's. What an organization does to itself goes
     * through its scope: {@link TenantScope#organization()}.
     *
     * @return the service
     */
    public Organizations organizations() {
        return organizations;
    }

    /**
     * User accounts: registration, profile, password, email verification and reset.
     *
     * @return the service
     */
    public Users users() {
        return users;
    }

    /**
     * Sign-in and sessions.
     *
     * @return the service
     */
    public Auth auth() {
        return auth;
    }

    /**
     * Platform administration of accounts (deactivate, superuser flag, forced password change).
     * Expose it only behind the host's own admin authorisation.
     *
     * @return the service
     */
    public UserAdministration userAdministration() {
        return users;
    }

    /**
     * The invitee's side of invites: preview, accept, reject by token.
     *
     * @return the service
     */
    public Invitations invitations() {
        return invitations;
    }

    /**
     * Opens the way into one organization's data for one user: checks that the organization is
     * active, that the user's account is active and that the user is an active member, and loads the
     * member's role. Every operation of the scope checks the same again in its own transaction.
     *
     * @param organizationId the organization
     * @param userId the acting user
     * @return the scope
     * @throws ValidationException naming {@code organizationId} or {@code userId} when null
     * @throws PermissionDeniedException with code {@code tenant.access_denied} when the organization
     *     does not exist or is inactive, the account is deactivated, or the user is not an active member
     *     of it (one code for all, so a caller cannot probe which organizations exist)
     */
    public TenantScope tenant(OrganizationId organizationId, UserId userId) {
        Validation.requireNonNull("organizationId", organizationId);
        Validation.requireNonNull("userId", userId);
        MemberPrincipal member = runtime.store().inTenant(organizationId,
                        tx -> tx.repository(PrincipalRepository.class).activeMember(organizationId, userId))
                .orElseThrow(() -> new PermissionDeniedException("tenant.access_denied",
                        "user " + userId + " has no active membership in an active organization " + organizationId));
        TenantContext context = new TenantContext(organizationId, member);
        return new TenantScope(new TenantWork(runtime, context), context);
    }

    /**
     * Opens the scope of an authenticated session's organization: the organization the session
     * entered at sign-in or with {@code auth().enterOrganization(...)}, which is where the second
     * factor is demanded when the member enabled it. Prefer this over {@link #tenant(OrganizationId, UserId)}
     * in request handling, so a scope is never opened without the checks of sign-in.
     *
     * @param session the result of {@code auth().authenticate(token)}
     * @return the scope
     * @throws ValidationException naming {@code session} when null or not in an organization
     * @throws PermissionDeniedException with code {@code tenant.access_denied}, as {@link #tenant(OrganizationId, UserId)}
     */
    public TenantScope tenant(AuthenticatedSession session) {
        Validation.requireNonNull("session", session);
        if (session.session().organizationId() == null) {
            throw ValidationException.of("session", "has not entered an organization (use auth().enterOrganization)");
        }
        return tenant(session.session().organizationId(), session.user().id());
    }

    /** Builds a {@link Crm}. Only the store is required. */
    public static final class Builder {

        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private TenancySettings tenancySettings = TenancySettings.defaults();
        private AccountSettings accountSettings = AccountSettings.defaults();
        private final List<EventListener> listeners = new ArrayList<>();
        private PasswordHasher passwordHasher;
        private AuthSettings authSettings = AuthSettings.defaults();
        private GoogleIdTokenVerifier googleIdTokenVerifier;
        private BillingSettings billingSettings = BillingSettings.localOnly();

        private Builder() {
        }

        /**
         * Trial length and invite lifetime. Defaults to {@link TenancySettings#defaults()}.
         *
         * @param tenancySettings the settings
         * @return this builder
         */
        public Builder tenancySettings(TenancySettings tenancySettings) {
            this.tenancySettings = Objects.requireNonNull(tenancySettings, "tenancySettings");
            return this;
        }

        /**
         * Lifetimes of email verification and password reset tokens. Defaults to {@link AccountSettings#defaults()}.
         *
         * @param accountSettings the settings
         * @return this builder
         */
        public Builder accountSettings(AccountSettings accountSettings) {
            this.accountSettings = Objects.requireNonNull(accountSettings, "accountSettings");
            return this;
        }

        /**
         * The password hasher. Defaults to argon2id with the OWASP minimum parameters
         * ({@link Argon2idPasswordHasher#owaspMinimum()}); stored hashes made with weaker parameters
         * are upgraded at the next successful login.
         *
         * @param passwordHasher the hasher
         * @return this builder
         */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        /**
         * Session expiry and brute-force limits. Defaults to {@link AuthSettings#defaults()}.
         *
         * @param authSettings the settings
         * @return this builder
         */
        public Builder authSettings(AuthSettings authSettings) {
            this.authSettings = Objects.requireNonNull(authSettings, "authSettings");
            return this;
        }

        /**
         * Enables Google sign-in with a verifier of Google ID tokens, such as
         * {@code NimbusGoogleIdTokenVerifier}. Without one, Google sign-in is refused.
         *
         * @param googleIdTokenVerifier the verifier
         * @return this builder
         */
        public Builder googleIdTokenVerifier(GoogleIdTokenVerifier googleIdTokenVerifier) {
            this.googleIdTokenVerifier = Objects.requireNonNull(googleIdTokenVerifier, "googleIdTokenVerifier");
            return this;
        }

        /**
         * Adds an in-process listener, called after each committed change with its domain events.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder eventListener(EventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The persistence port, e.g. {@code JdbiCrmStore.create(dataSource)}. Required.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(CrmStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The clock for every timestamp and expiry the SDK computes. Defaults to UTC system time.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source of tokens, secrets and codes. Defaults to a new {@link SecureRandom}.
         *
         * @param random the random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The payment provider behind {@code scope.billing()} (e.g. crm-stripe's {@code StripeBillingGateway}).
         * Without one, billing is local-only: plan changes are recorded directly.
         *
         * @param gateway the gateway
         * @return this builder
         */
        public Builder billing(BillingGateway gateway) {
            this.billingSettings = new BillingSettings(Objects.requireNonNull(gateway, "gateway"));
            return this;
        }

        /**
         * Builds the facade.
         *
         * @return the facade
         * @throws NullPointerException when no store was given
         */
        public Crm build() {
            return new Crm(this);
        }
    }
}
