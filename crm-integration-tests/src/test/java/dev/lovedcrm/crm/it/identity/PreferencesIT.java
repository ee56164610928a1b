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
import dev.lovedcrm.crm.preference.DashboardLayout;
import dev.lovedcrm.crm.preference.DateFormat;
import dev.lovedcrm.crm.preference.PageSize;
import dev.lovedcrm.crm.preference.Preferences;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.preference.ProfileVisibility;
import dev.lovedcrm.crm.preference.QuietHours;
import dev.lovedcrm.crm.preference.Theme;
import dev.lovedcrm.crm.preference.TimeFormat;
import dev.lovedcrm.crm.store.DatabaseEnum;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

        Preferences saved = scope.preferences().update(new PreferencesPatch().theme(Theme.DARK).timeFormat(TimeFormat.H12)
                .itemsPerPage(PageSize.FIFTY).emailMarketing(true).quietHours(new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(7, 0)))
                .customSettings(Map.of("pipeline", Map.of("collapsed", true))));

        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.language()).isEqualTo("pt");
        assertThat(scope.preferences().get()).isEqualTo(saved);
        Preferences again = scope.preferences().update(new PreferencesPatch().language("en-US"));
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.language()).isEqualTo("en-US");
        assertThat(again.quietHours()).isEqualTo(new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(7, 0)));
        assertThat(again.quietHours().toJson()).containsEntry("start", "22:00");
    }

    @Test
    void untilSavedTheDefaultsSpeakTheAccountsLanguageAndZone() {
        User carioca = crm.users().register(NewUser.of("carioca" + SEQUENCE.incrementAndGet() + "@example.com",
                "correct horse battery staple", "Carioca").language("en-US").timezone("America/Sao_Paulo"));
        Organization own = crm.organizations().create(carioca.id(), NewOrganization.named("Carioca Co"));
        TenantScope cariocaScope = crm.tenant(own.id(), carioca.id());

        assertThat(cariocaScope.preferences().get()).isEqualTo(Preferences.defaults("en-US", "America/Sao_Paulo"));
        Preferences saved = cariocaScope.preferences().update(new PreferencesPatch().theme(Theme.LIGHT));
        assertThat(saved.language()).isEqualTo("en-US");
        assertThat(saved.timezone()).isEqualTo("America/Sao_Paulo");
        assertThat(saved.itemsPerPage()).isEqualTo(PageSize.TWENTY);
        assertThat(saved.dashboardLayout()).isEqualTo(DashboardLayout.DEFAULT);
    }

    @Test
    void theVocabulariesAreTheSourceApplications() {
        assertThat(Arrays.stream(DashboardLayout.values()).map(DashboardLayout::dbValue))
                .containsExactly("default", "compact", "expanded");
        assertThat(Arrays.stream(PageSize.values()).map(PageSize::dbValue)).containsExactly("10", "20", "50", "100");
        Preferences saved = scope.preferences().update(new PreferencesPatch().dashboardLayout(DashboardLayout.EXPANDED)
                .itemsPerPage(PageSize.HUNDRED));
        assertThat(scope.preferences().get()).isEqualTo(saved);
    }

    @Test
    void preferencesArePerOrganizationAndPerMember() {
        scope.preferences().update(new PreferencesPatch().theme(Theme.DARK));
        Organization other = crm.organizations().create(user.id(), NewOrganization.named("Other Co"));
        User colleague = crm.users().register(NewUser.of("colleague" + SEQUENCE.incrementAndGet() + "@example.com",
                "correct horse battery staple", "Colleague"));
        crm.invitations().accept(scope.invites().create(NewInvite.of(colleague.email(), Role.MEMBER)).token(), colleague.id());

        assertThat(crm.tenant(other.id(), user.id()).preferences().get().theme()).isEqualTo(Theme.SYSTEM);
        assertThat(crm.tenant(org.id(), colleague.id()).preferences().get().theme()).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void everyFieldIsChecked() {
        expect("patch", null);
        expect("language", new PreferencesPatch().language("not a tag"));
        expect("timezone", new PreferencesPatch().timezone("Atlantis/Capital"));
        expect("customSettings", new PreferencesPatch().customSettings(Map.of("big", "x".repeat(20_000))));

        assertThat(scope.preferences().get()).isEqualTo(Preferences.defaults());
    }

    @Test
    void everyEnumeratedValueArrivingAsTextIsChecked() {
        expectParse("theme", () -> DatabaseEnum.parse(Theme.class, "theme", "neon"));
        expectParse("dateFormat", () -> DatabaseEnum.parse(DateFormat.class, "dateFormat", "YY"));
        expectParse("timeFormat", () -> DatabaseEnum.parse(TimeFormat.class, "timeFormat", "25h"));
        expectParse("dashboardLayout", () -> DatabaseEnum.parse(DashboardLayout.class, "dashboardLayout", "fancy"));
        expectParse("itemsPerPage", () -> DatabaseEnum.parse(PageSize.class, "itemsPerPage", "1000"));
        expectParse("profileVisibility", () -> DatabaseEnum.parse(ProfileVisibility.class, "profileVisibility", "everyone"));
        expectParse("quietHours", () -> QuietHours.fromJson(Map.of("enabled", true)));
        expectParse("quietHours", () -> QuietHours.fromJson(Map.of("enabled", "yes", "start", "22:00", "end", "07:00")));
        expectParse("quietHours", () -> QuietHours.fromJson(Map.of("enabled", true, "start", "25:00", "end", "07:00")));

        assertThat(DatabaseEnum.parse(PageSize.class, "itemsPerPage", "50")).isEqualTo(PageSize.FIFTY);
        assertThat(DatabaseEnum.parse(DateFormat.class, "dateFormat", "YYYY-MM-DD")).isEqualTo(DateFormat.ISO);
        assertThat(QuietHours.fromJson(Map.of("enabled", false, "start", "22:00", "end", "07:00")).enabled()).isFalse();
    }

    private static void expectParse(String field, ThrowingCallable parse) {
        assertThatThrownBy(parse)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    private void expect(String field, PreferencesPatch patch) {
        assertThatThrownBy(() -> scope.preferences().update(patch))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
