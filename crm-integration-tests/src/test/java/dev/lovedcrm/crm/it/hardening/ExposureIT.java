package dev.lovedcrm.crm.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.PublicOrganization;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the hardening review found exposed: the whole organization, settings included, to any caller of
 * {@code findById}/{@code findBySlug}; and the driver's detail (quoting the offending email) in the cause of
 * a {@code CrmException}, where every stack trace in a log would print it.
 */
@CrmDatabaseTest
class ExposureIT {

    private static Crm crm;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
    }

    @Test
    void findingAnOrganizationShowsOnlyItsPublicFace() {
        User owner = crm.users().register(NewUser.of("exposure-owner@example.com", "correct horse battery staple", "Owner"));
        Organization org = crm.organizations().create(owner.id(), NewOrganization.named("Exposure Co")
                .settings(Map.of("apiPartnerSecret", "do-not-show")));

        PublicOrganization byId = crm.organizations().findById(org.id()).orElseThrow();
        PublicOrganization bySlug = crm.organizations().findBySlug(org.slug()).orElseThrow();

        assertThat(byId).isEqualTo(bySlug).isEqualTo(new PublicOrganization(org.id(), "Exposure Co", org.slug(), null, true));
        assertThat(Arrays.stream(PublicOrganization.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("id", "name", "slug", "logoUrl", "active");
        assertThat(byId.toString()).doesNotContain("do-not-show");
    }

    @Test
    void aConstraintViolationDoesNotCarryTheDriversDetail() {
        String email = "exposure-twice@example.com";
        crm.users().register(NewUser.of(email, "correct horse battery staple", "First"));

        assertThatThrownBy(() -> crm.users().register(NewUser.of(email, "correct horse battery staple", "Second")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("user.email_taken");
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain(email).contains("23505").contains("idx_users_email");
                });
    }
}
