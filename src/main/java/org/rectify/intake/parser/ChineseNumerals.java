package org.rectify.intake.parser;

/** Reads the small numbers plans write in Chinese (一 … 九十九, 一百零五, 两) or in digits. */
public final class ChineseNumerals {

    private ChineseNumerals() {
    }

    /** @return the value, or -1 when {@code s} is not a number this class reads */
    public static int parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return -1;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(s);
        }
        int total = 0;
        int current = -1; // -1: no digit since the last unit, so 十一 reads as 11
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                current = d;
                continue;
            }
            int unit = unit(c);
            if (unit < 0) {
                return -1;
            }
            total += (current < 0 ? 1 : current) * unit;
            current = -1;
        }
        return total + Math.max(current, 0);
    }

    public static boolean isNumeralChar(char c) {
        return digit(c) >= 0 || unit(c) > 0;
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static int unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> -1;
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 101 → 一百零一, 110 → 一百一十 (1 to 999; others in digits). */
    public static String format(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 1 || n > 999) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 100) {
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十"
                + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
        }
        int rest = n % 100;
        String hundreds = digits.charAt(n / 100) + "百";
        if (rest == 0) {
            return hundreds;
        }
        return hundreds + (rest < 10 ? "零" + digits.charAt(rest) : rest < 20 ? "一" + format(rest) : format(rest));
    }
}
