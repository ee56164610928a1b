package dev.lovedcrm.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Address keys are canonical: the attack used 7 spellings of 2 addresses to get 7 throttle keys, and
 * rotated through one IPv6 /64 without ever being throttled.
 */
class ThrottleKeysTest {

    @Test
    void spellingsOfOneAddressShareOneKey() {
        List<String> v6 = List.of("2001:db8::1", "2001:DB8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::1");
        List<String> v4 = List.of("192.0.2.1", "::ffff:192.0.2.1", "::FFFF:c000:0201");

        assertThat(v6.stream().map(ThrottleKeys::address).distinct()).containsExactly("ip:2001:db8:0:0::/64");
        assertThat(v4.stream().map(ThrottleKeys::address).distinct()).containsExactly("ip:192.0.2.1");
    }

    @Test
    void ipv6IsGroupedByItsSlash64() {
        assertThat(ThrottleKeys.address("2001:db8:1:2:aaaa::1")).isEqualTo(ThrottleKeys.address("2001:db8:1:2:ffff:1:2:3"));
        assertThat(ThrottleKeys.address("2001:db8:1:2::1")).isNotEqualTo(ThrottleKeys.address("2001:db8:1:3::1"));
        assertThat(ThrottleKeys.address("192.0.2.1")).isNotEqualTo(ThrottleKeys.address("192.0.2.2"));
    }

    @Test
    void keysNeverCarryTheEmail() {
        assertThat(ThrottleKeys.email("ana@example.com")).startsWith("email:").doesNotContain("ana");
        assertThat(ThrottleKeys.passwordReset("ana@example.com")).startsWith("reset:").doesNotContain("ana")
                .isNotEqualTo(ThrottleKeys.email("ana@example.com"));
    }
}
