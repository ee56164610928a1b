package dev.lovedcrm.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The lead quota read from a plan's features. */
class EntitlementsTest {

    @Test
    void theLeadQuotaComesFromThePlanFeatures() {
        assertThat(Entitlements.leadLimit(List.of("user_management", "up_to_100_leads"))).isEqualTo(OptionalLong.of(100));
        assertThat(Entitlements.leadLimit(List.of("unlimited_leads", "up_to_100_leads"))).isEmpty();
        assertThat(Entitlements.leadLimit(List.of("api_access"))).isEmpty();
    }
}
