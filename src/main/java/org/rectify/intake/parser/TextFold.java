package org.rectify.intake.parser;

/**
 * Folds full-width forms and odd spaces to their ASCII counterparts, one char for one char,
 * so offsets found in the folded text are valid in the original (which is what the user sees).
 * Offices mix （）：；， and ():;, freely; matching on the folded text hides that.
 */
public final class TextFold {

    private TextFold() {
    }

    public static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? s : new String(out);
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0); // full-width ASCII block
        }
        return switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200B', '\t' -> ' ';
            case '\uFE59' -> '(';
            case '\uFE5A' -> ')';
            default -> c;
        };
    }

    /** A key for comparing names: folded, without any whitespace. */
    public static String key(String name) {
        String f = fold(name);
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
