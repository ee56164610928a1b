package dev.lovedcrm.crm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import org.junit.jupiter.api.Test;

class LeadSearchTest {

    @Test
    void whiteSpaceAndControlCharactersCollapseToOneSpace() {
        assertThat(LeadSearch.normalise("  Maria \t\n Souza ")).isEqualTo("Maria Souza");
        assertThat(LeadSearch.normalise("Ma\u0000ria")).isEqualTo("Ma ria");
        assertThat(LeadSearch.normalise("11\u00a098765")).isEqualTo("11 98765");
    }

    @Test
    void theQueryNeedsThreeCharactersBesidesWhiteSpaceAndAtMostTwoHundred() {
        assertThat(LeadSearch.normalise("Ana")).isEqualTo("Ana");
        assertThat(LeadSearch.normalise("x".repeat(200))).hasSize(200);
        for (String bad : new String[] {null, "", "   ", "ab", " a  b ", "x".repeat(201)}) {
            assertThatThrownBy(() -> LeadSearch.normalise(bad)).as(String.valueOf(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("query")).isTrue());
        }
    }
}
