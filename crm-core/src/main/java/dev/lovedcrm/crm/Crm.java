package dev.lovedcrm.crm;

import dev.lovedcrm.crm.auth.Auth;
import dev.lovedcrm.crm.auth.AuthSettings;
import dev.lovedcrm.crm.auth.AuthenticatedSession;
import dev.lovedcrm.crm.auth.google.GoogleIdTokenVerifier;
import dev.lovedcrm.crm.auth.internal.DefaultAuth;
import dev.lovedcrm.crm.auth.password.Argon2idPasswordHasher;
import dev.lovedcrm.crm.auth.password.PasswordHasher;
import dev.lovedcrm.crm.auth.totp.internal.SecondFactor;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.event.EventListener;
import dev.lovedcrm.crm.event.internal.EventPublisher;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.invite.Invitations;
import dev.lovedcrm.crm.invite.internal.DefaultInvitations;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.organization.Organizations;
import dev.lovedcrm.crm.organization.internal.DefaultOrganizations;
import dev.lovedcrm.crm.store.CrmStore;
import dev.lovedcrm.crm.user.UserAdministration;
import dev.lovedcrm.crm.user.Users;
import dev.lovedcrm.crm.user.internal.DefaultUsers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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

    private final CrmStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration inviteExpiry;
    private final EventPublisher events;
    private final Organizations organizations;
    private final Invitations invitations;
    private final DefaultUsers users;
    private final SecondFactor secondFactor;
    private final Auth auth;

    private Crm(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store is required: Crm.builder().store(...)");
        this.clock = builder.clock;
        this.random = builder.random;
        this.inviteExpiry = builder.inviteExpiry;
        this.events = new EventPublisher(builder.listeners, clock);
        this.organizations = new DefaultOrganizations(store, clock, events, builder.trialPeriod);
        PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher : Argon2idPasswordHasher.owaspMinimum();
        this.users = new DefaultUsers(store, clock, random, hasher, events, builder.authSettings, builder.googleIdTokenVerifier);
        this.invitations = new DefaultInvitations(store, events, clock, users);
        this.secondFactor = new SecondFactor(hasher, clock, random);
        this.auth = new DefaultAuth(store, clock, random, hasher, secondFactor, events, builder.authSettings,
                builder.googleIdTokenVerifier);
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
        return clock;
    }

    /**
     * Organizations: create, find, list a user's, update, deactivate.
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
     * active and that the user is an active member, and loads the member's role.
     *
     * @param organizationId the organization
     * @param userId the acting user
     * @return the scope
     * @throws ValidationException naming {@code organizationId} or {@code userId} when null
     * @throws PermissionDeniedException with code {@code tenant.access_denied} when the organization
     *     does not exist or is inactive, or the user is not an active member of it (one code for all
     *     three, so a caller cannot probe which organizations exist)
     */
    public TenantScope tenant(OrganizationId organizationId, UserId userId) {
        Validation.requireNonNull("organizationId", organizationId);
        Validation.requireNonNull("userId", userId);
        Member member = store.inTenant(organizationId, tx -> tx.repository(OrganizationRepository.class)
                        .findById(organizationId)
                        .filter(Organization::active)
                        .flatMap(org -> tx.repository(MemberRepository.class).findByUser(organizationId, userId))
                        .filter(Member::active))
                .orElseThrow(() -> new PermissionDeniedException("tenant.access_denied",
                        "user " + userId + " has no active membership in an active organization " + organizationId));
        return new TenantScope(this, new TenantContext(organizationId, userId, member.role(), member.deniedActions()));
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

    CrmStore store() {
        return store;
    }

    SecureRandom random() {
        return random;
    }

    Duration inviteExpiry() {
        return inviteExpiry;
    }

    EventPublisher events() {
        return events;
    }

    SecondFactor secondFactor() {
        return secondFactor;
    }

    /** Builds a {@link Crm}. Only the store is required. */
    public static final class Builder {

        private CrmStore store;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Duration trialPeriod = Duration.ofDays(14);
        private Duration inviteExpiry = Duration.ofDays(7);
        private final List<EventListener> listeners = new ArrayList<>();
        private PasswordHasher passwordHasher;
        private AuthSettings authSettings = AuthSettings.defaults();
        private GoogleIdTokenVerifier googleIdTokenVerifier;

        private Builder() {
        }

        /**
         * How long a new organization's trial lasts. Defaults to 14 days.
         *
         * @param trialPeriod a non-negative duration
         * @return this builder
         */
        public Builder trialPeriod(Duration trialPeriod) {
            this.trialPeriod = nonNegative("trialPeriod", trialPeriod);
            return this;
        }

        /**
         * How long an invite stays acceptable. Defaults to 7 days.
         *
         * @param inviteExpiry a positive duration
         * @return this builder
         */
        public Builder inviteExpiry(Duration inviteExpiry) {
            this.inviteExpiry = nonNegative("inviteExpiry", inviteExpiry);
            if (inviteExpiry.isZero()) {
                throw new IllegalArgumentException("inviteExpiry must be positive");
            }
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
         * Token lifetimes, session expiry and brute-force limits. Defaults to {@link AuthSettings#defaults()}.
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

        private static Duration nonNegative(String name, Duration duration) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return duration;
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
