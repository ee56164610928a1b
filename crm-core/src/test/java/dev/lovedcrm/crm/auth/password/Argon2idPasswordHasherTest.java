package dev.lovedcrm.crm.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private final Argon2idPasswordHasher hasher = Argon2idPasswordHasher.owaspMinimum();

    @Test
    void hashesAreSelfDescribingArgon2idWithAtLeastTheOwaspMinimum() {
        String hash = hasher.hash("correct horse battery staple".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify(hash, "correct horse battery staple".toCharArray())).isTrue();
        assertThat(hasher.verify(hash, "correct horse battery stapl".toCharArray())).isFalse();
        assertThat(hasher.hash("correct horse battery staple".toCharArray())).as("salted").isNotEqualTo(hash);
    }

    @Test
    void longPasswordsAreNotTruncated() {
        String longPassword = "a".repeat(127) + "b";
        String hash = hasher.hash(longPassword.toCharArray());

        assertThat(hasher.verify(hash, ("a".repeat(127) + "c").toCharArray())).isFalse();
        assertThat(hasher.verify(hash, longPassword.toCharArray())).isTrue();
    }

    @Test
    void weakerStoredHashesNeedARehash() {
        String minimum = hasher.hash("correct horse battery staple".toCharArray());
        Argon2idPasswordHasher stronger = Argon2idPasswordHasher.of(24 * 1024, 3, 1, 2);

        assertThat(hasher.needsRehash(minimum)).isFalse();
        assertThat(stronger.needsRehash(minimum)).isTrue();
        assertThat(stronger.verify(minimum, "correct horse battery staple".toCharArray())).isTrue();
        assertThat(stronger.needsRehash("$2a$10$bcryptlookingthing")).isTrue();
        assertThat(hasher.verify("not a hash", "x".toCharArray())).isFalse();
    }

    @Test
    void refusesParametersBelowTheMinimum() {
        assertThatThrownBy(() -> Argon2idPasswordHasher.of(8 * 1024, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2idPasswordHasher.of(19 * 1024, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.toString()).contains("m=19456");
    }
}
