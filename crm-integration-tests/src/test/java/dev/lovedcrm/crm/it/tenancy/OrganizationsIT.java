package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.OrganizationId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationMembership;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.organization.PublicOrganization;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class OrganizationsIT {

    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void theCreatorBecomesOwnerOfANewOrganizationOnTrial() {
        UserId owner = fx.user("owner");

        Organization org = fx.crm.organizations().create(owner,
                NewOrganization.named("Agência São Paulo").website("http://agencia.com.br").settings(Map.of("locale", "pt-BR")));

        assertThat(org.slug()).startsWith("agencia-sao-paulo");
        assertThat(org.ownerId()).isEqualTo(owner);
        assertThat(org.website()).isEqualTo("https://agencia.com.br");
        assertThat(org.subscriptionStatus()).isEqualTo("free");
        assertThat(org.trialEndsAt()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(14)));
        assertThat(org.settings()).containsEntry("locale", "pt-BR");
        TenantScope scope = fx.crm.tenant(org.id(), owner);
        assertThat(TenancyFixture.roleOf(scope)).isEqualTo(Role.OWNER);
        assertThat(fx.eventTypes()).contains("organization.created", "member.joined");
    }

    @Test
    void derivedSlugsGetANumericSuffixOnCollision() {
        UserId owner = fx.user("slugs");

        Organization first = fx.organization(owner, "Padaria Pão Quente");
        Organization second = fx.organization(owner, "Padaria Pao Quente");
        Organization third = fx.organization(owner, "PADARIA pão quente!");

        assertThat(first.slug()).isEqualTo("padaria-pao-quente");
        assertThat(second.slug()).isEqualTo("padaria-pao-quente-2");
        assertThat(third.slug()).isEqualTo("padaria-pao-quente-3");
    }

    @Test
    void anExplicitSlugThatIsTakenIsAConflict() {
        UserId owner = fx.user("explicit");
        fx.crm.organizations().create(owner, NewOrganization.named("Acme").slug("acme-explicit"));

        assertThatThrownBy(() -> fx.crm.organizations().create(owner, NewOrganization.named("Other").slug("acme-explicit")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("organization.slug_taken"));
    }

    @Test
    void findsBySlugAndId() {
        UserId owner = fx.user("find");
        Organization org = fx.crm.organizations().create(owner, NewOrganization.named("Find Me").slug("find-me"));

        assertThat(fx.crm.organizations().findBySlug("FIND-ME")).map(PublicOrganization::id).contains(org.id());
        assertThat(fx.crm.organizations().findById(org.id())).map(PublicOrganization::name).contains("Find Me");
        assertThat(fx.crm.organizations().findById(OrganizationId.generate())).isEmpty();
        assertThat(fx.crm.organizations().findBySlug("nobody-here")).isEmpty();
    }

    @Test
    void listsTheOrganizationsOfAUserWithTheirRoleInKeysetPages() {
        UserId user = fx.user("lister");
        UserId other = fx.user("other-owner");
        List<OrganizationId> own = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            own.add(fx.organization(user, "Own " + i).id());
        }
        Organization joined = fx.organization(other, "Joined");
        UserId viewer = fx.member(joined, other, Role.VIEWER, "viewer");
        fx.organization(other, "Not mine");

        List<OrganizationMembership> all = new ArrayList<>();
        Page<OrganizationMembership> page = fx.crm.organizations().listForUser(user, PageRequest.first(2));
        all.addAll(page.items());
        while (page.hasNext()) {
            page = fx.crm.organizations().listForUser(user, PageRequest.after(page.nextCursor().orElseThrow().toString(), 2));
            all.addAll(page.items());
        }

        assertThat(all).extracting(m -> m.organization().id()).containsExactlyElementsOf(own);
        assertThat(all).allMatch(m -> m.role() == Role.OWNER);
        assertThat(fx.crm.organizations().listForUser(viewer, PageRequest.first(10)).items())
                .singleElement().satisfies(m -> {
                    assertThat(m.organization().id()).isEqualTo(joined.id());
                    assertThat(m.role()).isEqualTo(Role.VIEWER);
                });
    }

    @Test
    void ownersAndAdminsUpdateTheProfileMembersAndViewersMayNot() {
        UserId owner = fx.user("upd-owner");
        Organization org = fx.organization(owner, "Before");
        UserId admin = fx.member(org, owner, Role.ADMIN, "upd-admin");
        UserId member = fx.member(org, owner, Role.MEMBER, "upd-member");

        Organization updated = fx.scope(org.id(), admin).organization().update(
                OrganizationPatch.empty().name("After").description("Uma agência").industry("marketing").website("after.com"));
        assertThat(updated.name()).isEqualTo("After");
        assertThat(updated.website()).isEqualTo("https://after.com");
        assertThat(updated.slug()).isEqualTo(org.slug());

        Organization cleared = fx.scope(org.id(), owner).organization().update(OrganizationPatch.empty().description(""));
        assertThat(cleared.description()).isNull();
        assertThat(cleared.industry()).isEqualTo("marketing");

        assertThatThrownBy(() -> fx.scope(org.id(), member).organization().update(OrganizationPatch.empty().name("Nope")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(fx.crm.organizations().findById(org.id())).map(PublicOrganization::name).contains("After");
    }

    @Test
    void onlyTheOwnerDeactivatesAndThenNoScopeOpens() {
        UserId owner = fx.user("deact-owner");
        Organization org = fx.organization(owner, "Short lived");
        UserId admin = fx.member(org, owner, Role.ADMIN, "deact-admin");

        assertThatThrownBy(() -> fx.scope(org.id(), admin).organization().deactivate())
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(fx.scope(org.id(), owner).organization().deactivate().active()).isFalse();

        assertThatThrownBy(() -> fx.crm.tenant(org.id(), owner))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.code()).isEqualTo("tenant.access_denied"));
        assertThat(fx.crm.organizations().listForUser(owner, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void strangersGetNoScope() {
        UserId owner = fx.user("scope-owner");
        Organization org = fx.organization(owner, "Private");

        assertThatThrownBy(() -> fx.crm.tenant(org.id(), fx.user("stranger"))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> fx.crm.tenant(OrganizationId.generate(), owner)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void badInputIsRefusedByFieldAndWritesNothing() {
        UserId owner = fx.user("bad");
        int before = fx.crm.organizations().listForUser(owner, PageRequest.first(100)).items().size();

        Expect.field("name", () -> fx.crm.organizations().create(owner, NewOrganization.named(null)));
        Expect.field("name", () -> fx.crm.organizations().create(owner, NewOrganization.named(" ")));
        Expect.field("name", () -> fx.crm.organizations().create(owner, NewOrganization.named("A")));
        Expect.field("name", () -> fx.crm.organizations().create(owner, NewOrganization.named("x".repeat(256))));
        for (String slug : new String[] {"ab", "-abc", "abc_", "Abc", "ab cd", "admin", "api", "www", "x".repeat(101)}) {
            Expect.field("slug", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").slug(slug)));
        }
        Expect.field("description", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").description("d".repeat(1001))));
        Expect.field("website", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").website("not a site")));
        Expect.field("website", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").website("https://" + "a".repeat(250) + ".com")));
        Expect.field("industry", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").industry("i".repeat(101))));
        Expect.field("companySize", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").companySize("c".repeat(51))));
        Expect.field("settings", () -> fx.crm.organizations().create(owner, NewOrganization.named("Valid").settings(Map.of("k", "v".repeat(20_000)))));
        Expect.field("creator", () -> fx.crm.organizations().create(null, NewOrganization.named("Valid")));
        Expect.field("organization", () -> fx.crm.organizations().create(owner, null));
        Expect.field("slug", () -> fx.crm.organizations().findBySlug(" "));
        Expect.field("organizationId", () -> fx.crm.organizations().findById(null));
        Expect.field("userId", () -> fx.crm.organizations().listForUser(null, PageRequest.first(1)));
        Expect.field("organizationId", () -> fx.crm.tenant(null, owner));
        Expect.field("userId", () -> fx.crm.tenant(OrganizationId.generate(), null));
        assertThatThrownBy(() -> fx.crm.organizations().create(UserId.generate(), NewOrganization.named("Ghost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user.not_found"));

        Organization org = fx.organization(owner, "Patched");
        TenantScope scope = fx.scope(org.id(), owner);
        Expect.field("name", () -> scope.organization().update(OrganizationPatch.empty().name("x")));
        Expect.field("website", () -> scope.organization().update(OrganizationPatch.empty().website("ftp://x.com")));
        Expect.field("patch", () -> scope.organization().update(null));
        assertThat(fx.crm.organizations().findById(org.id())).map(PublicOrganization::name).contains("Patched");
        assertThat(fx.crm.organizations().listForUser(owner, PageRequest.first(100)).items()).hasSize(before + 1);
    }
}
