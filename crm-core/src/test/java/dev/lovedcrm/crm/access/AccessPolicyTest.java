package dev.lovedcrm.crm.access;

import static dev.lovedcrm.crm.Role.ADMIN;
import static dev.lovedcrm.crm.Role.MEMBER;
import static dev.lovedcrm.crm.Role.OWNER;
import static dev.lovedcrm.crm.Role.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.ApiKeyPrincipal;
import dev.lovedcrm.crm.MemberPrincipal;
import dev.lovedcrm.crm.Role;
import dev.lovedcrm.crm.error.PermissionDeniedException;
import dev.lovedcrm.crm.id.ApiKeyId;
import dev.lovedcrm.crm.id.UserId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The policy as a table: every action the policy knows, for every role. */
class AccessPolicyTest {

    /** Expected roles allowed per action; a new action fails {@link #coversEveryAction()} until it is added here. */
    private static final Map<Action, Set<Role>> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.ORGANIZATION_READ, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.ORGANIZATION_UPDATE, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.ORGANIZATION_DEACTIVATE, EnumSet.of(OWNER)),
            Map.entry(Action.OWNERSHIP_TRANSFER, EnumSet.of(OWNER)),
            Map.entry(Action.MEMBER_LIST, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.MEMBER_MANAGE, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.MEMBER_SET_PERMISSIONS, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.INVITE_CREATE, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.INVITE_LIST, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.INVITE_MANAGE, EnumSet.of(OWNER, ADMIN)),
            Map.entry(Action.MEMBER_LEAVE, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.PREFERENCES_MANAGE, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.TWO_FACTOR_MANAGE, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.LEAD_READ, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.LEAD_CREATE, EnumSet.of(OWNER, ADMIN, MEMBER)),
            Map.entry(Action.LEAD_UPDATE, EnumSet.of(OWNER, ADMIN, MEMBER)),
            Map.entry(Action.LEAD_ASSIGN, EnumSet.of(OWNER, ADMIN, MEMBER)),
            Map.entry(Action.LEAD_DELETE, EnumSet.of(OWNER, ADMIN, MEMBER)),
            Map.entry(Action.BILLING_READ, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER)),
            Map.entry(Action.BILLING_MANAGE, EnumSet.of(OWNER)),
            Map.entry(Action.REPORT_READ, EnumSet.of(OWNER, ADMIN, MEMBER, VIEWER))));

    /** Actions an API key's scopes may grant; every other action is member-only. */
    private static final Set<Action> GRANTABLE_TO_API_KEYS = EnumSet.of(
            Action.ORGANIZATION_READ, Action.ORGANIZATION_UPDATE, Action.MEMBER_LIST, Action.INVITE_LIST,
            Action.LEAD_READ, Action.LEAD_CREATE, Action.LEAD_UPDATE, Action.LEAD_ASSIGN, Action.LEAD_DELETE,
            Action.BILLING_READ, Action.REPORT_READ);

    @Test
    void coversEveryAction() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void roleByActionTable() {
        for (Action action : Action.values()) {
            for (Role role : Role.values()) {
                assertThat(AccessPolicy.allows(role, action))
                        .as("%s may %s", role, action.code())
                        .isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void aMemberPrincipalGetsItsRoleMinusItsOverrides() {
        MemberPrincipal admin = new MemberPrincipal(new UserId(UUID.randomUUID()), ADMIN, Set.of(Action.INVITE_CREATE));
        for (Action action : Action.values()) {
            boolean expected = EXPECTED.get(action).contains(ADMIN) && action != Action.INVITE_CREATE;
            assertThat(AccessPolicy.allows(admin, action)).as("narrowed admin may %s", action.code()).isEqualTo(expected);
        }
        assertThatThrownBy(() -> AccessPolicy.require(admin, Action.INVITE_CREATE))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.code()).isEqualTo("permission.denied"));
    }

    @Test
    void anApiKeyGetsExactlyItsGrantableScopes() {
        assertThat(EnumSet.allOf(Action.class).stream().filter(Action::grantableToApiKeys))
                .containsExactlyInAnyOrderElementsOf(GRANTABLE_TO_API_KEYS);
        ApiKeyPrincipal everything = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), EnumSet.allOf(Action.class));
        ApiKeyPrincipal readOnly = new ApiKeyPrincipal(new ApiKeyId(UUID.randomUUID()), Set.of(Action.MEMBER_LIST));
        for (Action action : Action.values()) {
            assertThat(AccessPolicy.allows(everything, action)).as("full key may %s", action.code())
                    .isEqualTo(GRANTABLE_TO_API_KEYS.contains(action));
            assertThat(AccessPolicy.allows(readOnly, action)).as("read-only key may %s", action.code())
                    .isEqualTo(action == Action.MEMBER_LIST);
        }
        assertThatThrownBy(() -> AccessPolicy.require(everything, Action.OWNERSHIP_TRANSFER))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("API key");
    }

    @Test
    void overridesDenyOnlyWithAnExplicitFalse() {
        assertThat(AccessPolicy.deniedBy(Map.of("invite.create", false, "member.list", true, "no.such", false)))
                .containsExactly(Action.INVITE_CREATE);
    }

    @Test
    void aHigherRoleAllowsEverythingALowerOneDoes() {
        for (Action action : Action.values()) {
            for (Role higher : Role.values()) {
                for (Role lower : Role.values()) {
                    if (higher.outranks(lower) && AccessPolicy.allows(lower, action)) {
                        assertThat(AccessPolicy.allows(higher, action)).as("%s %s", higher, action).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void roleAssignmentTable() {
        // actor -> (current -> wanted) pairs allowed; everything else is refused
        for (Role current : Role.values()) {
            for (Role wanted : Role.values()) {
                assertThat(AccessPolicy.canAssign(OWNER, current, wanted)).isTrue();
                boolean adminMay = (current == MEMBER || current == VIEWER) && (wanted == MEMBER || wanted == VIEWER);
                assertThat(AccessPolicy.canAssign(ADMIN, current, wanted)).as("admin %s->%s", current, wanted).isEqualTo(adminMay);
                assertThat(AccessPolicy.canAssign(MEMBER, current, wanted)).isFalse();
                assertThat(AccessPolicy.canAssign(VIEWER, current, wanted)).isFalse();
            }
        }
    }

    @Test
    void removalTable() {
        for (Role target : Role.values()) {
            assertThat(AccessPolicy.canRemove(OWNER, target)).isTrue();
            assertThat(AccessPolicy.canRemove(ADMIN, target)).isEqualTo(target == MEMBER || target == VIEWER);
            assertThat(AccessPolicy.canRemove(MEMBER, target)).isFalse();
            assertThat(AccessPolicy.canRemove(VIEWER, target)).isFalse();
        }
    }

    @Test
    void leadDeletionTable() {
        // lead.delete is in the member's row; the member may use it only on leads assigned to them
        for (boolean assignee : new boolean[] {true, false}) {
            assertThat(AccessPolicy.canDeleteLead(OWNER, assignee)).isTrue();
            assertThat(AccessPolicy.canDeleteLead(ADMIN, assignee)).isTrue();
            assertThat(AccessPolicy.canDeleteLead(MEMBER, assignee)).isEqualTo(assignee);
            assertThat(AccessPolicy.canDeleteLead(VIEWER, assignee)).isFalse();
        }
    }

    @Test
    void invitesGoStrictlyBelowTheInviter() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> AccessPolicy.canInvite(OWNER, r)))
                .containsExactlyInAnyOrder(ADMIN, MEMBER, VIEWER);
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> AccessPolicy.canInvite(ADMIN, r)))
                .containsExactlyInAnyOrder(MEMBER, VIEWER);
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> AccessPolicy.canInvite(MEMBER, r))).isEmpty();
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> AccessPolicy.canInvite(VIEWER, r))).isEmpty();
    }
}
