package dev.lovedcrm.crm.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Crm;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.auth.ClientInfo;
import dev.lovedcrm.crm.auth.LoginRequest;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.jdbi.JdbiCrmStore;
import dev.lovedcrm.crm.organization.NewOrganization;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.preference.PreferencesPatch;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.ProfilePatch;
import dev.lovedcrm.crm.user.User;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The input probes of the hardening review, replayed: NUL characters (which PostgreSQL text cannot hold and
 * which used to come back as {@code database.error}), unpaired surrogates (which used to be stored as
 * {@code ?}), control characters in single-line fields, unsafe logo URLs and JSON whose numbers PostgreSQL
 * writes out in full. Each is now a {@code ValidationException} naming the field, and nothing is written.
 */
@CrmDatabaseTest
class InputHygieneIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String[] TABLES = {
        "users", "organizations", "organization_members", "organization_invites", "user_preferences",
        "user_sessions", "domain_events"};
    private static CrmTestDatabase db;
    private static Crm crm;
    private static User owner;
    private static Organization org;
    private static TenantScope scope;

    @BeforeAll
    static void setUp(CrmTestDatabase database) {
        db = database;
        crm = Crm.builder().store(JdbiCrmStore.create(db.dataSource())).build();
        owner = crm.users().register(NewUser.of("hygiene@example.com", PASSWORD, "Hygiene"));
        org = crm.organizations().create(owner.id(), NewOrganization.named("Hygiene Co"));
        scope = crm.tenant(org.id(), owner.id());
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedByFieldAndNothingIsWritten() throws SQLException {
        List<String> before = snapshot();

        Expect.field("email", () -> crm.users().register(NewUser.of("nul\u0000@example.com", PASSWORD, "Nul")));
        Expect.field("fullName", () -> crm.users().register(NewUser.of("nul1@example.com", PASSWORD, "Nu\u0000l")));
        Expect.field("fullName", () -> crm.users().register(NewUser.of("nul2@example.com", PASSWORD, "Half \uD800 pair")));
        Expect.field("bio", () -> crm.users().updateProfile(owner.id(), ProfilePatch.empty().bio("bio\u0000")));
        Expect.field("location", () -> crm.users().updateProfile(owner.id(), ProfilePatch.empty().location("S\uDBFFo Paulo")));
        Expect.field("name", () -> crm.organizations().create(owner.id(), NewOrganization.named("Acme\u0000")));
        Expect.field("description", () -> crm.organizations().create(owner.id(),
                NewOrganization.named("Acme").description("two\nlines are fine, NUL \u0000 is not")));
        Expect.field("settings", () -> crm.organizations().create(owner.id(),
                NewOrganization.named("Acme").settings(Map.of("note", "a\u0000b"))));
        Expect.field("settings", () -> scope.organization().update(OrganizationPatch.empty().settings(Map.of("k\u0000", 1))));
        Expect.field("name", () -> scope.organization().update(OrganizationPatch.empty().name("Re\uDC00named")));
        Expect.field("invitedName", () -> scope.invites().create(NewInvite.of("guest@example.com", Role.MEMBER).invitedName("Gu\u0000est")));
        Expect.field("message", () -> scope.invites().create(NewInvite.of("guest@example.com", Role.MEMBER)
                .message("Welcome to the team\u0000!")));
        Expect.field("customSettings", () -> scope.preferences().update(new PreferencesPatch().customSettings(Map.of("x", "\u0000"))));
        Expect.field("email", () -> crm.auth().login(LoginRequest.of("hygiene\u0000@example.com", PASSWORD, ClientInfo.of("10.0.0.1", "ua"))));
        Expect.field("userAgent", () -> crm.auth().login(LoginRequest.of("hygiene@example.com", PASSWORD, ClientInfo.of("10.0.0.1", "Mozilla\u0000"))));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void passwordsWithLoneSurrogatesOrNulAreRefusedNotFoldedIntoQuestionMarks() throws SQLException {
        List<String> before = snapshot();

        Expect.field("password", () -> crm.users().register(NewUser.of("surrogate@example.com", "correct a\uD800b horse", "S")));
        Expect.field("password", () -> crm.users().register(NewUser.of("surrogate@example.com", "correct a\uDBFFb horse", "S")));
        Expect.field("password", () -> crm.users().register(NewUser.of("surrogate@example.com", "correct\u0000horse battery", "S")));
        Expect.field("password", () -> crm.auth().login(LoginRequest.of("hygiene@example.com", "correct a\uD800b horse",
                ClientInfo.of("10.0.0.3", "ua"))));
        Expect.field("currentPassword", () -> crm.users().changePassword(owner.id(), "a\uD800b", "another good passphrase"));
        Expect.field("newPassword", () -> crm.users().changePassword(owner.id(), PASSWORD, "another \uDC00 passphrase"));
        assertThat(snapshot()).isEqualTo(before);

        User tabbed = crm.users().register(NewUser.of("tab-pass@example.com", "tabs\tare fine in passwords", "Tab"));
        assertThat(crm.auth().login(LoginRequest.of(tabbed.email(), "tabs\tare fine in passwords",
                ClientInfo.of("10.0.0.4", "ua"))).session().userId()).isEqualTo(tabbed.id());
    }

    @Test
    void addressSpellingsPostgresCannotStoreAreRefusedByField() throws SQLException {
        List<String> before = snapshot();
        for (String address : List.of("0000:0000:0000:0000:0000:0000:0000:00001", "::00000000001", "::ffff:001.002.003.004",
                "1.2.3.4:80", "1:2:3:4:5:6:7:8%eth0")) {
            Expect.field("ipAddress", () -> crm.auth().login(LoginRequest.of("hygiene@example.com", PASSWORD,
                    ClientInfo.of(address, "ua"))));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void singleLineFieldsRefuseControlCharactersWhileTextFieldsKeepLineBreaks() throws SQLException {
        List<String> before = snapshot();

        Expect.field("name", () -> crm.organizations().create(owner.id(), NewOrganization.named("Two\nLines")));
        Expect.field("fullName", () -> crm.users().updateProfile(owner.id(), ProfilePatch.empty().fullName("Tab\tName")));
        Expect.field("industry", () -> scope.organization().update(OrganizationPatch.empty().industry("ads\u001b[31m")));
        assertThat(snapshot()).isEqualTo(before);

        Organization updated = scope.organization().update(OrganizationPatch.empty().description("Line one\nLine two\tand a tab"));
        assertThat(updated.description()).isEqualTo("Line one\nLine two\tand a tab");
    }

    @Test
    void theLogoUrlFollowsTheAvatarRules() throws SQLException {
        List<String> before = snapshot();
        for (String url : List.of("javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=", "//evil.example/logo.png",
                "ftp://files.example/logo.png", "https://")) {
            Expect.field("logoUrl", () -> scope.organization().update(OrganizationPatch.empty().logoUrl(url)));
            Expect.field("logoUrl", () -> crm.organizations().create(owner.id(), NewOrganization.named("Logo Co").logoUrl(url)));
            Expect.field("avatarUrl", () -> crm.users().updateProfile(owner.id(), ProfilePatch.empty().avatarUrl(url)));
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(scope.organization().update(OrganizationPatch.empty().logoUrl("https://cdn.example/logo.png")).logoUrl())
                .isEqualTo("https://cdn.example/logo.png");
    }

    @Test
    void jsonIsBoundedAsPostgresStoresIt() throws SQLException {
        List<String> before = snapshot();
        Map<String, Object> bigExponents = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            bigExponents.put("n" + i, 1e308);
        }
        assertThat(bigExponents.toString().length()).as("small as Java writes it").isLessThan(4096);

        Expect.field("deviceInfo", () -> crm.auth().login(LoginRequest.of("hygiene@example.com", PASSWORD,
                new ClientInfo("10.0.0.2", "ua", bigExponents))));
        Expect.field("settings", () -> scope.organization().update(OrganizationPatch.empty()
                .settings(Map.of("huge", new BigDecimal("1e1000000000")))));
        Expect.field("customSettings", () -> scope.preferences().update(new PreferencesPatch()
                .customSettings(Map.of("huge", new BigDecimal("1e100000")))));
        assertThat(snapshot()).isEqualTo(before);

        Map<String, Object> fine = Map.of("count", 3, "ratio", 0.25, "big", 1e20);
        assertThat(scope.organization().update(OrganizationPatch.empty().settings(fine)).settings()).containsEntry("count", 3);
    }

    private static List<String> snapshot() throws SQLException {
        return Sql.snapshot(db.ownerDataSource(), TABLES);
    }
}
