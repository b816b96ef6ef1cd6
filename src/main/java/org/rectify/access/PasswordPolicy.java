package org.rectify.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, not containing the username, not one of the
 * passwords every guesser tries first, and not one character repeated. (That it differs from the current one is
 * checked where the current hash is known.)
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    /** The passwords of ten characters or more found first in leaked lists, here and abroad. */
    private static final Set<String> COMMON = Set.of(
            "1234567890", "0123456789", "0987654321", "12345678910", "123456789a", "a123456789", "a1234567890",
            "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc", "qwerty123456", "qwer123456", "asdfghjkl;", "zxcvbnm123",
            "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "p@ssword123",
            "administrator", "admin12345", "admin123456", "admin@12345", "root123456", "abc1234567", "abcd123456",
            "woaini1314", "woaini520520", "iloveyou12", "5201314520", "1314520520", "qq123456789", "test123456",
            "changeme123", "welcome123", "letmein123", "huawei12345", "gov12345678");

    private PasswordPolicy() {
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    static Optional<String> violation(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("account.password.tooShort");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("account.password.containsUsername");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            return Optional.of("account.password.common");
        }
        return Optional.empty();
    }
}
