package dev.lovedcrm.crm.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.ConflictException;
import dev.lovedcrm.crm.error.NotFoundException;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.UserId;
import dev.lovedcrm.crm.invite.IssuedInvite;
import dev.lovedcrm.crm.invite.NewInvite;
import dev.lovedcrm.crm.it.support.Race;
import dev.lovedcrm.crm.it.support.TenancyFixture;
import dev.lovedcrm.crm.member.MemberSummary;
import dev.lovedcrm.crm.organization.Organization;
import dev.lovedcrm.crm.page.PageRequest;
import dev.lovedcrm.crm.testkit.CrmDatabaseTest;
import dev.lovedcrm.crm.testkit.CrmTestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The races that matter for tenancy: accepting one invite twice, removing the last owner twice. */
@CrmDatabaseTest
class TenancyConcurrencyIT {

    private static final int ROUNDS = 10;
    private static TenancyFixture fx;

    @BeforeAll
    static void setUp(CrmTestDatabase db) {
        fx = new TenancyFixture(db.dataSource());
    }

    @Test
    void twoThreadsAcceptingTheSameInviteMakeExactlyOneMembership() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UserId owner = fx.user("owner");
            Organization org = fx.organization(owner, "Race " + round);
            UserId joiner = fx.user("joiner");
            IssuedInvite invite = fx.scope(org.id(), owner).invites().create(NewInvite.of(fx.emailOf(joiner), Role.MEMBER));

            List<Object> outcomes = Race.run(
                    () -> fx.crm.invitations().accept(invite.token(), joiner),
                    () -> fx.crm.invitations().accept(invite.token(), joiner));

            assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
            assertThat(outcomes).as("the loser finds the invite used, which a token is told as not found")
                    .filteredOn(o -> o instanceof NotFoundException nf && nf.code().equals("invite.not_found")).hasSize(1);
            List<MemberSummary> members = fx.scope(org.id(), owner).members().list(PageRequest.first(10)).items();
            assertThat(members).filteredOn(m -> m.member().userId().equals(joiner)).hasSize(1);
        }
    }

    @Test
    void twoOwnersRemovingEachOtherAtOnceLeaveExactlyOneOwner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UserId first = fx.user("first");
            Organization org = fx.organization(first, "Duel " + round);
            UserId second = fx.member(org, first, Role.OWNER, "second");

            List<Object> outcomes = Race.run(
                    () -> fx.scope(org.id(), first).members().remove(second),
                    () -> fx.scope(org.id(), second).members().remove(first));

            assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException || o instanceof PermissionDeniedException)
                    .hasSize(1);
            assertThat(activeOwners(org, first, second)).isEqualTo(1);
        }
    }

    @Test
    void twoOwnersLeavingAtOnceLeaveExactlyOneOwner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UserId first = fx.user("first");
            Organization org = fx.organization(first, "Exit " + round);
            UserId second = fx.member(org, first, Role.OWNER, "second");

            List<Object> outcomes = Race.run(
                    () -> {
                        fx.scope(org.id(), first).members().leave();
                        return "left";
                    },
                    () -> {
                        fx.scope(org.id(), second).members().leave();
                        return "left";
                    });

            assertThat(outcomes).filteredOn("left"::equals).hasSize(1);
            assertThat(activeOwners(org, first, second)).isEqualTo(1);
        }
    }

    @Test
    void twoOrganizationsCreatedAtOnceWithOneNameGetDistinctSlugs() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            UserId owner = fx.user("twin");
            String name = "Gêmeos " + round;

            List<Object> outcomes = Race.run(() -> fx.organization(owner, name), () -> fx.organization(owner, name));

            assertThat(outcomes).allMatch(Organization.class::isInstance);
            assertThat(outcomes).extracting(o -> ((Organization) o).slug())
                    .containsExactlyInAnyOrder("gemeos-" + round, "gemeos-" + round + "-2");
        }
    }

    @Test
    void eightOrganizationsCreatedAtOnceWithOneNameAllSucceed() throws Exception {
        UserId owner = fx.user("octet");
        Callable<?>[] creations = new Callable<?>[8];
        Arrays.fill(creations, (Callable<Organization>) () -> fx.organization(owner, "Octeto"));

        List<Object> outcomes = Race.run(creations);

        assertThat(outcomes).allMatch(Organization.class::isInstance);
        assertThat(outcomes).extracting(o -> ((Organization) o).slug()).containsExactlyInAnyOrder(
                "octeto", "octeto-2", "octeto-3", "octeto-4", "octeto-5", "octeto-6", "octeto-7", "octeto-8");
    }

    private static int activeOwners(Organization org, UserId... candidates) {
        int owners = 0;
        for (UserId candidate : candidates) {
            try {
                if (TenancyFixture.roleOf(fx.scope(org.id(), candidate)) == Role.OWNER) {
                    owners++;
                }
            } catch (PermissionDeniedException removed) {
                // no longer a member
            }
        }
        return owners;
    }

}
