package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.InviteId;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.Invite;
import dev.lovedcrm.crm.invite.InvitePreview;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.Sql;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import dev.lovedcrm.crm.user.NewUser;
import dev.lovedcrm.crm.user.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class InvitesIT {

    private static TenancyFixture fx;
    private static CrmTestDatabase database;
    private UserId owner;
    private Organization org;
    private UserId admin;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        database = db;
        fx = new TenancyFixture(db.dataSource());
    }

    @BeforeEach
    void team() {
        owner = fx.user("owner");
        org = fx.organization(owner, "Inviting Co");
        admin = fx.member(org, owner, Role.ADMIN, "admin");
    }

    private TenantScope as(UserId user) {
        return fx.scope(org.id(), user);
    }

    @Test
    void ownersInviteAdminsMembersViewersAndAdminsOnlyBelowThemselves() {
        assertThat(as(owner).invites().create(NewInvite.of("a@example.com", Role.ADMIN)).invite().role()).isEqualTo(Role.ADMIN);
        assertThat(as(admin).invites().create(NewInvite.of("m@example.com", Role.MEMBER)).invite().role()).isEqualTo(Role.MEMBER);
        assertThat(as(admin).invites().create(NewInvite.of("v@example.com", Role.VIEWER)).invite().role()).isEqualTo(Role.VIEWER);

        assertThatThrownBy(() -> as(owner).invites().create(NewInvite.of("o@example.com", Role.OWNER)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(admin).invites().create(NewInvite.of("a2@example.com", Role.ADMIN)))
                .isInstanceOf(PermissionDeniedException.class);
        UserId member = fx.member(org, owner, Role.MEMBER, "member");
        assertThatThrownBy(() -> as(member).invites().create(NewInvite.of("v2@example.com", Role.VIEWER)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theTokenIsLongRandomShownOnceAndStoredOnlyAsAHash() throws SQLException {
        IssuedInvite issued = as(owner).invites().create(
                NewInvite.of("Maria@Example.com", Role.MEMBER).invitedName("Maria").message("Bem-vinda à equipe!"));

        assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(issued.invite().email()).isEqualTo("maria@example.com");
        assertThat(issued.invite().expiresAt()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(7)));
        assertThat(Sql.string(database.ownerDataSource(), "SELECT token FROM crm.organization_invites WHERE id = ?", issued.invite().id().value())).isNotEqualTo(issued.token()).hasSize(64);
        assertThat(fx.eventTypes()).contains("invite.created");
    }

    @Test
    void thePreviewShowsWhatTheInviteeNeedsAndNothingElse() {
        IssuedInvite issued = as(owner).invites().create(
                NewInvite.of("preview@example.com", Role.VIEWER).message("Venha conhecer nosso CRM"));

        InvitePreview preview = fx.crm.invitations().preview(issued.token());

        assertThat(preview.organizationName()).isEqualTo("Inviting Co");
        assertThat(preview.organizationSlug()).isEqualTo(org.slug());
        assertThat(preview.inviterName()).isEqualTo("User owner");
        assertThat(preview.role()).isEqualTo(Role.VIEWER);
        assertThat(preview.message()).isEqualTo("Venha conhecer nosso CRM");
        assertThat(preview.expiresAt()).isEqualTo(issued.invite().expiresAt());
        assertThatThrownBy(() -> fx.crm.invitations().preview("not-a-real-token"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("invite.not_found"));
    }

    @Test
    void anExistingUserAcceptsWithAMatchingEmailInAnyCase() {
        UserId user = fx.user("joiner");
        IssuedInvite issued = as(admin).invites().create(NewInvite.of(fx.emailOf(user).toUpperCase(Locale.ROOT), Role.MEMBER));

        Member member = fx.crm.invitations().accept(issued.token(), user);

        assertThat(member.role()).isEqualTo(Role.MEMBER);
        assertThat(TenancyFixture.roleOf(fx.scope(org.id(), user))).isEqualTo(Role.MEMBER);
        Invite accepted = as(owner).invites().list(Optional.of(InviteStatus.ACCEPTED), PageRequest.first(10)).items().get(0);
        assertThat(accepted.acceptedAt()).isEqualTo(fx.clock.instant());
        assertThat(accepted.respondedAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.eventTypes()).contains("invite.accepted", "member.joined");
        assertThatThrownBy(() -> fx.crm.invitations().accept(issued.token(), user))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e).hasMessage("no such invite"));
    }

    @Test
    void aNewUserRegistersAndJoinsInOneCall() throws SQLException {
        IssuedInvite issued = as(owner).invites().create(NewInvite.of("newcomer@example.com", Role.VIEWER));

        Member member = fx.crm.invitations().acceptAsNewUser(issued.token(),
                NewUser.of("NewComer@Example.com", "correct horse battery staple", "New Comer"));

        assertThat(member.role()).isEqualTo(Role.VIEWER);
        User user = fx.crm.users().findById(member.userId()).orElseThrow();
        assertThat(user.email()).isEqualTo("newcomer@example.com");
        assertThat(user.verified()).as("receiving the invite proved the email").isTrue();
        assertThat(TenancyFixture.roleOf(fx.scope(org.id(), user.id()))).isEqualTo(Role.VIEWER);
        Expect.code("invite.not_found", () -> fx.crm.invitations().acceptAsNewUser(issued.token(),
                NewUser.of("newcomer@example.com", "correct horse battery staple", "Again")));
    }

    @Test
    void registeringThroughAnInviteWritesNothingWhenItFails() throws SQLException {
        IssuedInvite issued = as(owner).invites().create(NewInvite.of("careful@example.com", Role.MEMBER));
        long users = Sql.number(database.ownerDataSource(), "SELECT count(*) FROM crm.users");

        Expect.code("invite.email_mismatch", () -> fx.crm.invitations().acceptAsNewUser(issued.token(),
                NewUser.of("someone-else@example.com", "correct horse battery staple", "Other")));
        Expect.field("password", () -> fx.crm.invitations().acceptAsNewUser(issued.token(),
                NewUser.of("careful@example.com", "password", "Weak")));
        Expect.field("user", () -> fx.crm.invitations().acceptAsNewUser(issued.token(), null));
        UserId existing = fx.user("careful-existing");
        IssuedInvite forExisting = as(owner).invites().create(NewInvite.of(fx.emailOf(existing), Role.MEMBER));
        Expect.code("user.email_taken", () -> fx.crm.invitations().acceptAsNewUser(forExisting.token(),
                NewUser.of(fx.emailOf(existing), "correct horse battery staple", "Dup")));

        assertThat(Sql.number(database.ownerDataSource(), "SELECT count(*) FROM crm.users")).isEqualTo(users + 1);
        assertThat(fx.crm.invitations().preview(issued.token()).email()).isEqualTo("careful@example.com");
        assertThat(fx.crm.invitations().preview(forExisting.token()).role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void someoneElseCannotUseTheInvite() {
        IssuedInvite issued = as(owner).invites().create(NewInvite.of("intended@example.com", Role.MEMBER));
        UserId intruder = fx.user("intruder");

        assertThatThrownBy(() -> fx.crm.invitations().accept(issued.token(), intruder))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.code()).isEqualTo("invite.email_mismatch"));
        assertThatThrownBy(() -> fx.scope(org.id(), intruder)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void expiredInvitesCannotBeAcceptedAndAreMarkedExpired() {
        UserId user = fx.user("late");
        IssuedInvite issued = as(owner).invites().create(NewInvite.of(fx.emailOf(user), Role.MEMBER));
        fx.clock.advance(Duration.ofDays(7).plusSeconds(1));

        try {
            assertThatThrownBy(() -> fx.crm.invitations().accept(issued.token(), user))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invite.expired"));
            assertThat(as(owner).invites().countByStatus()).containsEntry(InviteStatus.EXPIRED, 1L).containsEntry(InviteStatus.PENDING, 0L);
            assertThat(fx.eventTypes()).contains("invite.expired");
            assertThatThrownBy(() -> fx.scope(org.id(), user)).isInstanceOf(PermissionDeniedException.class);
        } finally {
            fx.clock.advance(Duration.ofDays(-7).minusSeconds(1));
        }
    }

    @Test
    void anInvitePastItsExpiryCannotBeCancelledOrResentEvenBeforeAnyListingMarksIt() {
        IssuedInvite issued = as(owner).invites().create(NewInvite.of("unmarked@example.com", Role.MEMBER));
        fx.clock.advance(Duration.ofDays(7).plusSeconds(1));
        try {
            assertThatThrownBy(() -> as(owner).invites().resend(issued.invite().id()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("expired"));
            assertThatThrownBy(() -> as(owner).invites().cancel(issued.invite().id()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invite.not_pending"));
            assertThatThrownBy(() -> fx.crm.invitations().preview(issued.token()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invite.expired"));
        } finally {
            fx.clock.advance(Duration.ofDays(-7).minusSeconds(1));
        }
    }

    @Test
    void rejectingRecordsTheReason() throws SQLException {
        IssuedInvite issued = as(owner).invites().create(NewInvite.of("no-thanks@example.com", Role.VIEWER));

        Invite rejected = fx.crm.invitations().reject(issued.token(), "Já trabalho com outra agência");

        assertThat(rejected.status()).isEqualTo(InviteStatus.REJECTED);
        assertThat(rejected.respondedAt()).isNotNull();
        assertThat(Sql.string(database.ownerDataSource(), "SELECT metadata::text FROM crm.organization_invites WHERE id = ?", issued.invite().id().value())).contains("Já trabalho com outra agência");
        assertThatThrownBy(() -> fx.crm.invitations().reject(issued.token(), null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e).hasMessage("no such invite"));
    }

    @Test
    void cancelledAndResentTokensStopWorking() {
        UserId user = fx.user("resent");
        IssuedInvite first = as(owner).invites().create(NewInvite.of(fx.emailOf(user), Role.MEMBER));
        IssuedInvite resent = as(owner).invites().resend(first.invite().id());

        assertThat(resent.token()).isNotEqualTo(first.token());
        assertThatThrownBy(() -> fx.crm.invitations().accept(first.token(), user)).isInstanceOf(NotFoundException.class);
        assertThat(fx.crm.invitations().preview(resent.token()).role()).isEqualTo(Role.MEMBER);

        Invite cancelled = as(admin).invites().cancel(first.invite().id());
        assertThat(cancelled.status()).isEqualTo(InviteStatus.CANCELLED);
        assertThatThrownBy(() -> fx.crm.invitations().accept(resent.token(), user))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e).hasMessage("no such invite"));
        assertThatThrownBy(() -> as(owner).invites().cancel(first.invite().id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(owner).invites().resend(InviteId.generate())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSecondPendingInviteToTheSameEmailReplacesTheFirst() {
        IssuedInvite first = as(owner).invites().create(NewInvite.of("twice@example.com", Role.VIEWER));
        IssuedInvite second = as(admin).invites().create(NewInvite.of("TWICE@example.com", Role.MEMBER));

        assertThat(as(owner).invites().list(Optional.of(InviteStatus.PENDING), PageRequest.first(10)).items())
                .extracting(Invite::id).containsExactly(second.invite().id());
        assertThatThrownBy(() -> fx.crm.invitations().preview(first.token()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e).hasMessage("no such invite"));
    }

    @Test
    void reInvitingAnActiveMemberIsAConflict() {
        assertThatThrownBy(() -> as(owner).invites().create(NewInvite.of(fx.emailOf(admin), Role.MEMBER)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invite.already_member"));
    }

    @Test
    void listsNewestFirstWithAStatusFilterAndCountsPerStatus() {
        List<InviteId> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(as(owner).invites().create(NewInvite.of("list" + i + "@example.com", Role.VIEWER)).invite().id());
        }
        as(owner).invites().cancel(created.get(0));

        List<InviteId> seen = new ArrayList<>();
        Page<Invite> page = as(admin).invites().list(Optional.empty(), PageRequest.first(2));
        seen.addAll(page.items().stream().map(Invite::id).toList());
        while (page.hasNext()) {
            page = as(admin).invites().list(Optional.empty(), PageRequest.after(page.nextCursor().orElseThrow().toString(), 2));
            seen.addAll(page.items().stream().map(Invite::id).toList());
        }

        List<InviteId> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(seen.subList(0, 5)).containsExactlyElementsOf(newestFirst);
        assertThat(as(owner).invites().list(Optional.of(InviteStatus.CANCELLED), PageRequest.first(10)).items())
                .extracting(Invite::id).containsExactly(created.get(0));
        Map<InviteStatus, Long> counts = as(owner).invites().countByStatus();
        assertThat(counts).containsEntry(InviteStatus.PENDING, 4L).containsEntry(InviteStatus.CANCELLED, 1L)
                .containsEntry(InviteStatus.REJECTED, 0L).hasSize(InviteStatus.values().length);
    }

    @Test
    void badInputIsRefusedByFieldAndWritesNothing() {
        Map<InviteStatus, Long> before = as(owner).invites().countByStatus();

        Expect.field("invite", () -> as(owner).invites().create(null));
        for (String email : new String[] {null, "", "no-at-sign", "a@b", "two@@example.com", "x".repeat(250) + "@example.com"}) {
            Expect.field("email", () -> as(owner).invites().create(NewInvite.of(email, Role.MEMBER)));
        }
        Expect.field("role", () -> as(owner).invites().create(NewInvite.of("ok@example.com", null)));
        Expect.field("invitedName", () -> as(owner).invites().create(NewInvite.of("ok@example.com", Role.MEMBER).invitedName("n".repeat(101))));
        Expect.field("message", () -> as(owner).invites().create(NewInvite.of("ok@example.com", Role.MEMBER).message("too short")));
        Expect.field("message", () -> as(owner).invites().create(NewInvite.of("ok@example.com", Role.MEMBER).message("m".repeat(501))));
        Expect.field("inviteId", () -> as(owner).invites().cancel(null));
        Expect.field("inviteId", () -> as(owner).invites().resend(null));
        Expect.field("status", () -> as(owner).invites().list(null, PageRequest.first(1)));
        Expect.field("token", () -> fx.crm.invitations().preview(null));
        Expect.field("token", () -> fx.crm.invitations().preview(" "));
        Expect.field("token", () -> fx.crm.invitations().accept("t".repeat(500), owner));
        Expect.field("userId", () -> fx.crm.invitations().accept("token", null));
        Expect.field("reason", () -> fx.crm.invitations().reject("token", "r".repeat(201)));

        assertThat(as(owner).invites().countByStatus()).isEqualTo(before);
    }
}
