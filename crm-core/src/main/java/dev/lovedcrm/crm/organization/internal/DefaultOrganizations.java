package dev.lovedcrm.crm.organization.internal;

import static dev.lovedcrm.crm.organization.internal.OrganizationRules.blankToNull;

import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.event.EventType;
import dev.lovedcrm.crm.id.MemberId;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.internal.CrmRuntime;
import dev.lovedcrm.crm.internal.Validation;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.spi.MemberRepository;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import dev.lovedcrm.crm.organization.Organizations;
import dev.lovedcrm.crm.organization.PublicOrganization;
import dev.lovedcrm.crm.organization.TenancySettings;
import dev.lovedcrm.crm.organization.spi.OrganizationRepository;
import dev.lovedcrm.crm.page.Cursor;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link Organizations} service. */
public final class DefaultOrganizations implements Organizations {

    /** Status of an organization on the free plan. */
    public static final String FREE = "free";

    private static final int SLUG_ATTEMPTS = 50;

    private final CrmRuntime runtime;

    public DefaultOrganizations(CrmRuntime runtime) {
        this.runtime = runtime;
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
        String website = OrganizationRules.profileChecks(validation, input.description(), input.website(), input.logoUrl(),
                input.industry(), input.companySize(), input.settings());
        validation.throwIfInvalid();

        String name = input.name().trim();
        String base = explicitSlug != null ? explicitSlug : Slugs.derive(name);
        Instant now = runtime.now();
        Duration trialPeriod = runtime.settings(TenancySettings.class).trialPeriod();
        Organization organization = new Organization(OrganizationId.generate(), name, base, blankToNull(input.description()),
                website, blankToNull(input.logoUrl()), blankToNull(input.industry()), blankToNull(input.companySize()),
                creator, true, false, FREE, now.plus(trialPeriod), input.settings(), null, null);

        return insertWithOwner(organization, base, explicitSlug != null, creator, now);
    }

    private Organization insertWithOwner(Organization organization, String base, boolean explicit, UserId creator,
            Instant now) {
        return runtime.store().inSystem("create organization: slugs are unique across tenants", tx -> {
            MemberRepository members = tx.repository(MemberRepository.class);
            if (members.activeUserEmail(creator).isEmpty()) {
                throw NotFoundException.of("user", creator);
            }
            OrganizationRepository organizations = tx.repository(OrganizationRepository.class);
            Organization created = insertWithFreeSlug(organizations, organization, base, explicit);
            Member owner = new Member(MemberId.generate(), created.id(), creator, Role.OWNER, Map.of(), true, now, null, null);
            members.insert(owner);
            MemberPrincipal actor = new MemberPrincipal(creator, Role.OWNER, Set.of());
            runtime.events().publish(tx, EventType.ORGANIZATION_CREATED, created.id(), actor,
                    Map.of("name", created.name(), "slug", created.slug()));
            runtime.events().publish(tx, EventType.MEMBER_JOINED, created.id(), actor,
                    Map.of("userId", creator.toString(), "role", Role.OWNER.dbValue()));
            return organizations.findById(created.id()).orElseThrow();
        });
    }

    /**
     * Inserts with the first free candidate slug ({@code base}, {@code base-2}, …). Each insert skips a taken
     * slug without failing, and waits for a concurrent insert of the same slug to end, so creations racing for
     * one derived slug all succeed with distinct slugs; an explicit slug has one candidate.
     */
    private static Organization insertWithFreeSlug(OrganizationRepository organizations, Organization organization,
            String base, boolean explicit) {
        int candidates = explicit ? 1 : SLUG_ATTEMPTS;
        for (int attempt = 1; attempt <= candidates; attempt++) {
            Organization candidate = organization.withSlug(Slugs.candidate(base, attempt));
            if (organizations.insertIfSlugFree(candidate)) {
                return candidate;
            }
        }
        throw new ConflictException("organization.slug_taken", "slug " + base + " is taken");
    }

    @Override
    public Optional<PublicOrganization> findById(OrganizationId id) {
        Validation.requireNonNull("organizationId", id);
        return runtime.store().inTenant(id, tx -> tx.repository(OrganizationRepository.class).findById(id))
                .map(PublicOrganization::of);
    }

    @Override
    public Optional<PublicOrganization> findBySlug(String slug) {
        new Validation().text("slug", slug, 1, Slugs.MAX_LENGTH).throwIfInvalid();
        String normalized = slug.trim().toLowerCase(Locale.ROOT);
        return runtime.store().inSystem("find organization by slug",
                tx -> tx.repository(OrganizationRepository.class).findBySlug(normalized)).map(PublicOrganization::of);
    }

    @Override
    public Page<OrganizationMembership> listForUser(UserId userId, PageRequest page) {
        Validation.requireNonNull("userId", userId);
        Validation.requireNonNull("page", page);
        Optional<OrganizationId> after = page.after().map(c -> OrganizationId.parse(c.key(0, 1)));
        return runtime.store().inSystem("list a user's own organizations", tx -> Page.fromRows(
                tx.repository(OrganizationRepository.class).listForUser(userId, after, page.limit() + 1),
                page.limit(),
                m -> Cursor.of(m.organization().id())));
    }
}
