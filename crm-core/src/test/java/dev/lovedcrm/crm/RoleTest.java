package dev.lovedcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void ranksOwnerAboveAdminAboveMemberAboveViewer() {
        assertThat(Role.OWNER.outranks(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.outranks(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.outranks(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.outranks(Role.VIEWER)).isFalse();
        assertThat(Role.MEMBER.atLeast(Role.MEMBER)).isTrue();
        assertThat(Role.VIEWER.atLeast(Role.MEMBER)).isFalse();
    }

    @Test
    void parsesTheDatabaseForm() {
        assertThat(Role.parse("role", "admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.OWNER.dbValue()).isEqualTo("owner");
        assertThatThrownBy(() -> Role.parse("role", "root"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("role")).isTrue());
    }
}
