package org.rectify.platform;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What any text a request carries may be, wherever it arrives (a query parameter, a form field, a JSON string):
 * no C0 control characters but tab and line breaks (a NUL byte reaches PostgreSQL as an error), no more
 * characters than its field can sensibly hold, and dates between {@value #FIRST_YEAR} and {@value #LAST_YEAR}
 * (a year 99999 is a typing slip or a probe, never a deadline). The columns are {@code text}, so the lengths are
 * set here, by field name, in one place: names and titles are short, free text is longer, a pasted plan long.
 */
public final class InputLimits {

    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2200;

    /** Any text not named below. */
    public static final int DEFAULT_LENGTH = 20_000;
    /** A whole plan pasted as text (uploads have their own limits). */
    public static final int PLAN_TEXT_LENGTH = 2_000_000;

    private static final Map<String, Integer> BY_FIELD = Map.ofEntries(
            Map.entry("title", 1_000), Map.entry("name", 500), Map.entry("displayname", 200),
            Map.entry("username", 100), Map.entry("password", 200), Map.entry("email", 320),
            Map.entry("personname", 200), Map.entry("personpost", 200), Map.entry("ref", 100),
            Map.entry("section", 200), Map.entry("q", 500), Map.entry("responsible", 200),
            Map.entry("decisionref", 200), Map.entry("url", 2_000), Map.entry("secret", 500),
            Map.entry("text", PLAN_TEXT_LENGTH));

    private static final Pattern DATE = Pattern.compile("([+-]?\\d{4,})-\\d{2}-\\d{2}([T ].*)?");
    /** An index in a bound path; compiled once: every parameter of every request is checked (issue 14). */
    private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");

    private InputLimits() {
    }

    /** The most characters this field may hold; the last part of a bound path counts ({@code tasks[0].title}). */
    public static int maxLength(String field) {
        return BY_FIELD.getOrDefault(leaf(field), DEFAULT_LENGTH);
    }

    /** Whether the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    public static boolean saneYear(long year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean saneDate(LocalDate date) {
        return saneYear(date.getYear());
    }

    /** A text that is written as an ISO date (2019-03-01, +99999-01-01) with a year outside the sane range. */
    public static boolean isAbsurdDate(String text) {
        if (text.indexOf('-') < 0) { // no date (most values): spare the regex
            return false;
        }
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return false;
        }
        String digits = m.group(1).replace("+", "");
        return digits.length() > 6 || !saneYear(Long.parseLong(digits));
    }

    /** The first thing wrong with a field's text, as a refusal naming the field; empty when it is fine. */
    public static Optional<InvalidInputException> check(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (hasControlCharacter(value) || hasControlCharacter(field)) {
            return Optional.of(refusal(field, "input.controlCharacter"));
        }
        if (value.length() > maxLength(field)) {
            return Optional.of(refusal(field, "input.tooLong"));
        }
        if (isAbsurdDate(value)) {
            return Optional.of(refusal(field, "input.dateOutOfRange"));
        }
        return Optional.empty();
    }

    /** The refusal of a field's value; the sentence names the field and, where it helps, the limit. */
    public static InvalidInputException refusal(String field, String key) {
        String shown = hasControlCharacter(field) ? "?" : field;
        return new InvalidInputException(Map.of(shown, key), key, shown, String.valueOf(maxLength(field)),
                String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }

    private static String leaf(String field) {
        if (field == null) {
            return "";
        }
        String f = field.indexOf('[') < 0 ? field : INDEX.matcher(field).replaceAll(""); // tasks[0].title
        int dot = f.lastIndexOf('.');
        return (dot < 0 ? f : f.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
