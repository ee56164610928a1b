package dev.lovedcrm.crm.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.ValidationException;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class PreferencesIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Crm crm;
    private User user;
    private Organization org;
    private TenantScope scope;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
    }

    @BeforeEach
    void member() {
        user = crm.users().register(NewUser.of("prefs" + SEQUENCE.incrementAndGet() + "@example.com",
                "correct horse battery staple", "Prefs"));
        org = crm.organizations().create(user.id(), NewOrganization.named("Prefs Co"));
        scope = crm.tenant(org.id(), user.id());
    }

    @Test
    void defaultsUntilSavedThenPatched() {
        assertThat(scope.preferences().get()).isEqualTo(Preferences.defaults());

        Preferences saved = scope.preferences().update(PreferencesPatch.builder().theme("dark").timeFormat("12h")
                .itemsPerPage("50").emailMarketing(true).quietHours(Map.of("enabled", true, "start", "22:00", "end", "07:00"))
                .customSettings(Map.of("pipeline", Map.of("collapsed", true))).build());

        assertThat(saved.theme()).isEqualTo("dark");
        assertThat(saved.language()).isEqualTo("pt");
        assertThat(scope.preferences().get()).isEqualTo(saved);
        Preferences again = scope.preferences().update(PreferencesPatch.builder().language("en-US").build());
        assertThat(again.theme()).isEqualTo("dark");
        assertThat(again.language()).isEqualTo("en-US");
        assertThat(again.quietHours()).containsEntry("start", "22:00");
    }

    @Test
    void preferencesArePerOrganizationAndPerMember() {
        scope.preferences().update(PreferencesPatch.builder().theme("dark").build());
        Organization other = crm.organizations().create(user.id(), NewOrganization.named("Other Co"));
        User colleague = crm.users().register(NewUser.of("colleague" + SEQUENCE.incrementAndGet() + "@example.com",
                "correct horse battery staple", "Colleague"));
        crm.invitations().accept(scope.invites().create(NewInvite.of(colleague.email(), Role.MEMBER)).token(), colleague.id());

        assertThat(crm.tenant(other.id(), user.id()).preferences().get().theme()).isEqualTo("system");
        assertThat(crm.tenant(org.id(), colleague.id()).preferences().get().theme()).isEqualTo("system");
    }

    @Test
    void everyEnumeratedFieldIsChecked() {
        expect("patch", null);
        expect("theme", PreferencesPatch.builder().theme("neon").build());
        expect("language", PreferencesPatch.builder().language("not a tag").build());
        expect("timezone", PreferencesPatch.builder().timezone("Atlantis/Capital").build());
        expect("dateFormat", PreferencesPatch.builder().dateFormat("YY").build());
        expect("timeFormat", PreferencesPatch.builder().timeFormat("25h").build());
        expect("dashboardLayout", PreferencesPatch.builder().dashboardLayout("fancy").build());
        expect("itemsPerPage", PreferencesPatch.builder().itemsPerPage("1000").build());
        expect("profileVisibility", PreferencesPatch.builder().profileVisibility("everyone").build());
        expect("quietHours", PreferencesPatch.builder().quietHours(Map.of("enabled", true)).build());
        expect("quietHours", PreferencesPatch.builder().quietHours(Map.of("enabled", "yes", "start", "22:00", "end", "07:00")).build());
        expect("quietHours", PreferencesPatch.builder().quietHours(Map.of("enabled", true, "start", "25:00", "end", "07:00")).build());
        expect("customSettings", PreferencesPatch.builder().customSettings(Map.of("big", "x".repeat(20_000))).build());

        assertThat(scope.preferences().get()).isEqualTo(Preferences.defaults());
    }

    private void expect(String field, PreferencesPatch patch) {
        assertThatThrownBy(() -> scope.preferences().update(patch))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
