package org.rectify.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @Test
    void a_password_needs_ten_characters() {
        assertThat(PasswordPolicy.violation("Kx7#mQ2p9", "zhang")).contains("account.password.tooShort");
        assertThat(PasswordPolicy.violation(null, "zhang")).contains("account.password.tooShort");
        assertThat(PasswordPolicy.violation("Kx7#mQ2p9z", "zhang")).isEmpty();
    }

    @Test
    void ten_chinese_characters_count_as_ten() {
        assertThat(PasswordPolicy.violation("临沧市整改督办平台好", "zhang")).isEmpty();
    }

    @Test
    void a_password_must_not_contain_the_username_in_any_case() {
        assertThat(PasswordPolicy.violation("Office-2026-spring", "office")).contains("account.password.containsUsername");
    }

    @Test
    void the_passwords_guessers_try_first_are_refused() {
        assertThat(PasswordPolicy.violation("1234567890", "zhang")).contains("account.password.common");
        assertThat(PasswordPolicy.violation("Password123", "zhang")).contains("account.password.common");
        assertThat(PasswordPolicy.violation("1qaz2wsx3edc", "zhang")).contains("account.password.common");
        assertThat(PasswordPolicy.violation("aaaaaaaaaaaa", "zhang")).contains("account.password.common");
    }
}
