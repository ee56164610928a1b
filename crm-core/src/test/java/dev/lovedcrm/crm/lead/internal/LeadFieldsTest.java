package dev.lovedcrm.crm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure rules of leads: normalisation of their fields and the plan's lead quota. */
class LeadFieldsTest {

    @Test
    void phonesBecomeE164WithBrazilAsTheDefaultRegionOrStayAsGiven() {
        assertThat(LeadFields.normalisePhone("(11) 91234-5678")).isEqualTo("+5511912345678");
        assertThat(LeadFields.normalisePhone(" +55 21 3456-7890 ")).isEqualTo("+552134567890");
        assertThat(LeadFields.normalisePhone("+1 650-253-0000")).isEqualTo("+16502530000");
        assertThat(LeadFields.normalisePhone("ramal 42")).isEqualTo("ramal 42");
        assertThat(LeadFields.normalisePhone("123")).isEqualTo("123");
    }

    @Test
    void emailsAreLowerCasedAndChecked() {
        LeadFields fields = new LeadFields();
        assertThat(fields.email("  Maria@Exemplo.COM.br ")).isEqualTo("maria@exemplo.com.br");
        assertThat(fields.email("  ")).isNull();
        fields.throwIfInvalid();
        LeadFields bad = new LeadFields();
        bad.email("not-an-email");
        assertThatThrownBy(bad::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("email"));
    }

    @Test
    void tagsAreTrimmedLowerCasedDeduplicatedAndBounded() {
        LeadFields fields = new LeadFields();
        assertThat(fields.tags("tags", List.of(" VIP ", "vip", "Quente"), 20)).containsExactly("vip", "quente");
        fields.throwIfInvalid();
        for (List<String> bad : List.of(List.of(" "), List.of("x".repeat(51)), Collections.nCopies(1, "a\u0000b"),
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())) {
            LeadFields check = new LeadFields();
            check.tags("tags", bad, 20);
            assertThatThrownBy(check::throwIfInvalid).as(bad.toString()).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fieldErrors()).containsOnlyKeys("tags"));
        }
    }

    @Test
    void amountsAreNonNegativeWithAtMostTwoDecimals() {
        LeadFields fields = new LeadFields();
        assertThat(fields.money("estimatedValue", new BigDecimal("1500.5"), 10)).isEqualByComparingTo("1500.50")
                .satisfies(v -> assertThat(v.scale()).isEqualTo(2));
        assertThat(fields.money("estimatedValue", new BigDecimal("10.000"), 10).toPlainString()).isEqualTo("10.00");
        fields.throwIfInvalid();
        for (String bad : List.of("-0.01", "1.001", "10000000000")) {
            LeadFields check = new LeadFields();
            check.money("estimatedValue", new BigDecimal(bad), 10);
            assertThatThrownBy(check::throwIfInvalid).as(bad).isInstanceOf(ValidationException.class);
        }
    }
}
