package dev.lovedcrm.crm.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A trial or invite lifetime that would overflow an instant is refused when configured, not at the first use. */
class TenancySettingsTest {

    @Test
    void boundsAreCheckedAtConfiguration() {
        assertThatThrownBy(() -> TenancySettings.defaults().withTrialPeriod(Duration.ofDays(1_000_000_000L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trialPeriod");
        assertThatThrownBy(() -> TenancySettings.defaults().withTrialPeriod(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenancySettings.defaults().withInviteExpiry(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inviteExpiry");
        assertThatThrownBy(() -> TenancySettings.defaults().withInviteExpiry(Duration.ofDays(366)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TenancySettings.defaults().withTrialPeriod(Duration.ZERO).trialPeriod()).isZero();
        assertThat(TenancySettings.defaults()).isEqualTo(new TenancySettings(Duration.ofDays(14), Duration.ofDays(7)));
    }
}
