package dev.lovedcrm.crm.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.CrmException;
import dev.lovedcrm.crm.error.ValidationException;

/** Assertions on the SDK's typed errors. */
public final class Expect {

    private Expect() {
    }

    /** The call is refused with a {@link ValidationException} that names the field. */
    public static void field(String field, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    /** The call fails with a {@link CrmException} of this code. */
    public static void code(String code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
