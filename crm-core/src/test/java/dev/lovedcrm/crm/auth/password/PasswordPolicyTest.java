package dev.lovedcrm.crm.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void shipsTheThreeThousandMostCommonPasswords() {
        assertThat(PasswordPolicy.commonCount()).isEqualTo(3000);
        assertThat(PasswordPolicy.problem("password")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("PassWord")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("12345678")).isEqualTo("is too common");
        assertThat(PasswordPolicy.problem("qwertyuiop")).isEqualTo("is too common");
    }

    @Test
    void lengthIsEightToOneHundredTwentyEightCharactersOfAnyKind() {
        assertThat(PasswordPolicy.problem("Sh0rt!x")).contains("8 to 128");
        assertThat(PasswordPolicy.problem("x".repeat(129))).contains("8 to 128");
        assertThat(PasswordPolicy.problem("çãõ€漢字🙂ab")).isNull();
        assertThat(PasswordPolicy.problem("🙂".repeat(128))).as("counted in characters, not UTF-16 units").isNull();
        assertThat(PasswordPolicy.problem("correct horse battery staple")).isNull();
        assertThat(PasswordPolicy.problem(null)).isEqualTo("is required");
        assertThat(PasswordPolicy.problem("")).isEqualTo("is required");
    }
}
