package dev.lovedcrm.crm.it.tenancy;

import dev.lovedcrm.crm.MemberPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.TenantScope;
import dev.lovedcrm.crm.access.Action;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.InviteStatus;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.Expect;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.member.Member;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.organization.OrganizationPatch;
import dev.lovedcrm.crm.page.Page;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CrmDatabaseTest
class MembersIT {

    private static TenancyFixture fx;
    private UserId owner;
    private Organization org;
    private UserId admin;
    private UserId member;
    private UserId viewer;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        fx = new TenancyFixture(db.dataSource());
    }

    @BeforeEach
    void team() {
        owner = fx.user("owner");
        org = fx.organization(owner, "Team");
        admin = fx.member(org, owner, Role.ADMIN, "admin");
        member = fx.member(org, owner, Role.MEMBER, "member");
        viewer = fx.member(org, owner, Role.VIEWER, "viewer");
    }

    private TenantScope as(UserId user) {
        return fx.scope(org.id(), user);
    }

    @Test
    void listsActiveMembersInJoinOrderWithKeysetPages() {
        List<MemberSummary> all = new ArrayList<>();
        Page<MemberSummary> page = as(viewer).members().list(PageRequest.first(3));
        all.addAll(page.items());
        assertThat(page.hasNext()).isTrue();
        page = as(viewer).members().list(PageRequest.after(page.nextCursor().orElseThrow().toString(), 3));
        all.addAll(page.items());

        assertThat(page.hasNext()).isFalse();
        assertThat(all).extracting(s -> s.member().userId()).containsExactly(owner, admin, member, viewer);
        assertThat(all).extracting(s -> s.member().role()).containsExactly(Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER);
        assertThat(all.get(1).email()).isEqualTo(fx.emailOf(admin));
    }

    @Test
    void ownersAssignAnyRole() {
        assertThat(as(owner).members().changeRole(member, Role.ADMIN).role()).isEqualTo(Role.ADMIN);
        assertThat(as(owner).members().changeRole(viewer, Role.OWNER).role()).isEqualTo(Role.OWNER);
        assertThat(as(owner).members().changeRole(admin, Role.VIEWER).role()).isEqualTo(Role.VIEWER);
        assertThat(fx.eventTypes()).contains("member.role_changed");
    }

    @Test
    void adminsMoveOnlyBetweenMemberAndViewer() {
        assertThat(as(admin).members().changeRole(member, Role.VIEWER).role()).isEqualTo(Role.VIEWER);
        assertThat(as(admin).members().changeRole(member, Role.MEMBER).role()).isEqualTo(Role.MEMBER);

        UserId otherAdmin = fx.member(org, owner, Role.ADMIN, "admin2");
        assertThatThrownBy(() -> as(admin).members().changeRole(member, Role.ADMIN)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(admin).members().changeRole(otherAdmin, Role.MEMBER)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(admin).members().changeRole(owner, Role.MEMBER)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(admin).members().changeRole(admin, Role.OWNER)).isInstanceOf(PermissionDeniedException.class);
        assertThat(as(owner).members().get(otherAdmin).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void membersAndViewersManageNoOne() {
        for (UserId actor : List.of(member, viewer)) {
            assertThatThrownBy(() -> as(actor).members().changeRole(viewer, Role.MEMBER)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> as(actor).members().remove(admin)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> as(actor).members().setPermissions(viewer, Map.of("member.list", false)))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void theLastOwnerCanNeverBeDemotedRemovedOrLeave() {
        assertThatThrownBy(() -> as(owner).members().changeRole(owner, Role.ADMIN))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("member.last_owner"));
        assertThatThrownBy(() -> as(owner).members().leave())
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("member.owner_must_transfer"));
        assertThatThrownBy(() -> as(admin).members().remove(owner)).isInstanceOf(PermissionDeniedException.class);

        UserId second = fx.member(org, owner, Role.OWNER, "owner2");
        as(second).members().remove(owner);
        assertThatThrownBy(() -> as(second).members().leave()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.scope(org.id(), owner)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void transferringOwnershipSwapsRolesAtomically() {
        as(owner).organization().transferOwnership(admin);

        assertThat(as(admin).members().get(admin).role()).isEqualTo(Role.OWNER);
        assertThat(as(admin).members().get(owner).role()).isEqualTo(Role.ADMIN);
        assertThat(as(admin).organization().get().ownerId()).isEqualTo(admin);
        assertThat(fx.eventTypes()).contains("ownership.transferred");
        assertThatThrownBy(() -> as(owner).organization().transferOwnership(member)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(admin).organization().transferOwnership(fx.user("outsider")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("member.not_found"));
    }

    @Test
    void removalKeepsAnInactiveRowAndTheRemovedCanBeInvitedBack() {
        Member removed = as(admin).members().remove(member);

        assertThat(removed.active()).isFalse();
        assertThatThrownBy(() -> fx.scope(org.id(), member)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(owner).members().get(member)).isInstanceOf(NotFoundException.class);

        var invite = as(owner).invites().create(NewInvite.of(fx.emailOf(member), Role.VIEWER));
        Member back = fx.crm.invitations().accept(invite.token(), member);
        assertThat(back.id()).isEqualTo(removed.id());
        assertThat(back.active()).isTrue();
        assertThat(back.role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void membersLeaveOnTheirOwn() {
        as(viewer).members().leave();

        assertThatThrownBy(() -> fx.scope(org.id(), viewer)).isInstanceOf(PermissionDeniedException.class);
        assertThat(fx.eventTypes()).contains("member.left");
    }

    @Test
    void permissionOverridesNarrowButNeverWiden() {
        as(owner).members().setPermissions(admin, Map.of("invite.create", false, "organization.deactivate", true));

        TenantScope narrowed = as(admin);
        assertThat(((MemberPrincipal) narrowed.context().principal()).deniedActions()).containsExactly(Action.INVITE_CREATE);
        assertThatThrownBy(() -> narrowed.invites().create(NewInvite.of("someone@example.com", Role.MEMBER)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> narrowed.organization().deactivate()).isInstanceOf(PermissionDeniedException.class);
        assertThat(narrowed.members().list(PageRequest.first(10)).items()).isNotEmpty();
    }

    @Test
    void aStaleScopeCannotActOnAnOldRole() {
        TenantScope adminScope = as(admin);
        as(owner).members().changeRole(admin, Role.VIEWER);

        assertThatThrownBy(() -> adminScope.members().remove(viewer)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> adminScope.invites().create(NewInvite.of("late@example.com", Role.VIEWER)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> adminScope.organization().update(OrganizationPatch.empty().name("Hijacked")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(as(owner).members().get(viewer).active()).isTrue();
        assertThat(as(owner).invites().countByStatus().get(InviteStatus.PENDING)).isZero();
        assertThat(fx.crm.organizations().findById(org.id()).orElseThrow().name()).isEqualTo("Team");
    }

    @Test
    void badInputIsRefusedByFieldAndChangesNothing() {
        Expect.field("userId", () -> as(owner).members().changeRole(null, Role.ADMIN));
        Expect.field("role", () -> as(owner).members().changeRole(member, null));
        Expect.field("userId", () -> as(owner).members().remove(null));
        Expect.field("userId", () -> as(owner).members().remove(owner));
        Expect.field("newOwner", () -> as(owner).organization().transferOwnership(null));
        Expect.field("newOwner", () -> as(owner).organization().transferOwnership(owner));
        Expect.field("permissions", () -> as(owner).members().setPermissions(member, null));
        Expect.field("permissions", () -> as(owner).members().setPermissions(member, Map.of("lead.fly", false)));
        Map<String, Boolean> withNull = new HashMap<>();
        withNull.put("member.list", null);
        Expect.field("permissions", () -> as(owner).members().setPermissions(member, withNull));
        Expect.field("page", () -> as(owner).members().list(null));
        Expect.field("cursor", () -> as(owner).members().list(PageRequest.after("garbage", 10)));
        assertThatThrownBy(() -> as(owner).members().changeRole(UserId.generate(), Role.ADMIN)).isInstanceOf(NotFoundException.class);

        assertThat(as(owner).members().list(PageRequest.first(10)).items())
                .extracting(s -> s.member().role()).containsExactly(Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER);
        assertThat(as(owner).members().get(member).permissions()).isEmpty();
    }
}
