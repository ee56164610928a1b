package dev.lovedcrm.crm.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lovedcrm.crm.error.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StripeConfigTest {

    @Test
    void neverPrintsItsSecrets() {
        StripeConfig config = StripeConfig.of("sk_test_51abcdefSECRET", "whsec_SECRET");

        assertThat(config.toString()).doesNotContain("SECRET").contains("api.stripe.com");
    }

    @Test
    void namesTheFieldAtFault() {
        assertThatThrownBy(() -> StripeConfig.of("pk_test_public", "whsec_x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("apiKey")).isTrue());
        assertThatThrownBy(() -> new StripeConfig("sk_test_12345", URI.create("ftp://x"), "whsec_x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("apiBase")).isTrue());
        assertThatThrownBy(() -> StripeConfig.of("sk_test_12345", "secret"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasField("webhookSigningSecret")).isTrue());
    }
}
