package dev.lovedcrm.crm.organization.internal;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantContext;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.access.AccessPolicy;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.event.internal.EventPublisher;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.member.internal.ActingMember;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.organization.Organizations;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.store.CrmStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link Organizations} service. */
public final class DefaultOrganizations implements Organizations {

    /** Status of an organization on the free plan. */
    public static final String FREE = "free";

    static final int MAX_SETTINGS_BYTES = 16 * 1024;
    private static final int SLUG_ATTEMPTS = 50;
    private static final int CONCURRENT_SLUG_RETRIES = 3;

    private final CrmStore store;
    private final Clock clock;
    private final EventPublisher events;
    private final Duration trialPeriod;

    public DefaultOrganizations(CrmStore store, Clock clock, EventPublisher events, Duration trialPeriod) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.trialPeriod = trialPeriod;
    }

    @Override
    public Organization create(UserId creator, NewOrganization input) {
        Validation.requireNonNull("creator", creator);
        Validation.requireNonNull("organization", input);
        Validation validation = new Validation().text("name", input.name(), 2, 255);
        String explicitSlug = input.slug() == null ? null : input.slug().trim();
        if (explicitSlug != null) {
            String problem = Slugs.problem(explicitSlug);
            validation.check(problem == null, "slug", problem);
        }
        String website = profileChecks(validation, input.description(), input.website(), input.logoUrl(),
                input.industry(), input.companySize(), input.settings());
        validation.throwIfInvalid();

        String name = input.name().trim();
        String base = explicitSlug != null ? explicitSlug : Slugs.derive(name);
        Instant now = clock.instant();
        Organization organization = new Organization(OrganizationId.generate(), name, base, blankToNull(input.description()),
                website, blankToNull(input.logoUrl()), blankToNull(input.industry()), blankToNull(input.companySize()),
                creator, true, false, FREE, now.plus(trialPeriod), input.settings(), null, null);

        boolean explicit = explicitSlug != null;
        for (int attempt = 1; ; attempt++) {
            try {
                return insertWithOwner(organization, base, explicit, creator, now);
            } catch (ConflictException e) {
                if (explicit || !"organization.slug_taken".equals(e.code()) || attempt == CONCURRENT_SLUG_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** One attempt: a concurrent creation may take the free slug between the check and the insert. */
    private Organization insertWithOwner(Organization organization, String base, boolean explicit, UserId creator,
            Instant now) {
        return store.inSystem("create organization: slugs are unique across tenants", tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            if (members.activeUserEmail(creator).isEmpty()) {
                throw NotFoundException.of("user", creator);
            }
            OrganizationRepository organizations = tx.repository(OrganizationRepository.class);
            Organization created = withFreeSlug(organizations, organization, base, explicit);
            organizations.insert(created);
            Member owner = new Member(MemberId.generate(), created.id(), creator, Role.OWNER, Map.of(), true, now, null, null);
            members.insert(owner);
            events.publish(tx, EventType.ORGANIZATION_CREATED, created.id(), creator,
                    Map.of("name", created.name(), "slug", created.slug()));
            events.publish(tx, EventType.MEMBER_JOINED, created.id(), creator,
                    Map.of("userId", creator.toString(), "role", Role.OWNER.dbValue()));
            return organizations.findById(created.id()).orElseThrow();
        });
    }

    private static Organization withFreeSlug(OrganizationRepository organizations, Organization organization,
            String base, boolean explicit) {
        for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
            String slug = Slugs.candidate(base, attempt);
            if (organizations.findBySlug(slug).isEmpty()) {
                return OrganizationCopies.withSlug(organization, slug);
            }
            if (explicit) {
                break;
            }
        }
        throw new ConflictException("organization.slug_taken", "slug " + base + " is taken");
    }


    @Override
    public Optional<Organization> findById(OrganizationId id) {
        Validation.requireNonNull("organizationId", id);
        return store.inTenant(id, tx -> tx.repository(OrganizationRepository.class).findById(id));
    }

    @Override
    public Optional<Organization> findBySlug(String slug) {
        new Validation().text("slug", slug, 1, Slugs.MAX_LENGTH).throwIfInvalid();
        String normalized = slug.trim().toLowerCase(Locale.ROOT);
        return store.inSystem("find organization by slug",
                tx -> tx.repository(OrganizationRepository.class).findBySlug(normalized));
    }

    @Override
    public Page<OrganizationMembership> listForUser(UserId userId, PageRequest page) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("page", page);
        Optional<OrganizationId> after = page.after().map(c -> OrganizationId.parse(c.key(0, 1)));
        return store.inSystem("list a user's own organizations", tx -> Page.fromRows(
                tx.repository(OrganizationRepository.class).listForUser(userId, after, page.limit() + 1),
                page.limit(),
                m -> Cursor.of(m.organization().id())));
    }

    @Override
    public Organization update(TenantScope scope, OrganizationPatch patch) {
        Validation.requireNonNull("scope", scope);
        Validation.requireNonNull("patch", patch);
        TenantContext context = scope.context();
        AccessPolicy.require(context, Action.ORGANIZATION_UPDATE);
        Validation validation = new Validation();
        if (patch.name() != null) {
            validation.text("name", patch.name(), 2, 255);
        }
        String website = profileChecks(validation, patch.description(), patch.website(), patch.logoUrl(),
                patch.industry(), patch.companySize(), patch.settings());
        validation.throwIfInvalid();

        return store.inTenant(context.organizationId(), tx -> {
            ActingMember.allowedTo(tx, context, Action.ORGANIZATION_UPDATE);
            OrganizationRepository organizations = tx.repository(OrganizationRepository.class);
            Organization o = organizations.findById(context.organizationId())
                    .orElseThrow(() -> NotFoundException.of("organization", context.organizationId()));
            Organization updated = new Organization(o.id(),
                    patch.name() == null ? o.name() : patch.name().trim(),
                    o.slug(),
                    patch.description() == null ? o.description() : blankToNull(patch.description()),
                    patch.website() == null ? o.website() : website,
                    patch.logoUrl() == null ? o.logoUrl() : blankToNull(patch.logoUrl()),
                    patch.industry() == null ? o.industry() : blankToNull(patch.industry()),
                    patch.companySize() == null ? o.companySize() : blankToNull(patch.companySize()),
                    o.ownerId(), o.active(), o.verified(), o.subscriptionStatus(), o.trialEndsAt(),
                    patch.settings() == null ? o.settings() : patch.settings(), o.createdAt(), o.updatedAt());
            organizations.update(updated);
            events.publish(tx, EventType.ORGANIZATION_UPDATED, context, Map.of("name", updated.name()));
            return organizations.findById(o.id()).orElseThrow();
        });
    }

    @Override
    public Organization deactivate(TenantScope scope) {
        Validation.requireNonNull("scope", scope);
        TenantContext context = scope.context();
        AccessPolicy.require(context, Action.ORGANIZATION_DEACTIVATE);
        return store.inTenant(context.organizationId(), tx -> {
            ActingMember.allowedTo(tx, context, Action.ORGANIZATION_DEACTIVATE);
            OrganizationRepository organizations = tx.repository(OrganizationRepository.class);
            Organization o = organizations.findById(context.organizationId())
                    .orElseThrow(() -> NotFoundException.of("organization", context.organizationId()));
            organizations.update(OrganizationCopies.withActive(o, false));
            events.publish(tx, EventType.ORGANIZATION_DEACTIVATED, context, Map.of());
            return organizations.findById(o.id()).orElseThrow();
        });
    }

    /** Checks the optional profile fields; returns the normalised website (null when absent or cleared). */
    private static String profileChecks(Validation validation, String description, String website, String logoUrl,
            String industry, String companySize, Map<String, Object> settings) {
        validation.optionalText("description", description, 1000)
                .optionalText("website", website, 255)
                .optionalText("logoUrl", logoUrl, 2048)
                .optionalText("industry", industry, 100)
                .optionalText("companySize", companySize, 50)
                .json("settings", settings, MAX_SETTINGS_BYTES);
        if (website == null || website.isBlank()) {
            return null;
        }
        String normalized = Websites.normalize(website);
        validation.check(normalized != null && normalized.length() <= 255, "website", "must be a web address");
        return normalized;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
