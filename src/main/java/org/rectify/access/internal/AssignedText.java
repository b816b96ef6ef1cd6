package org.rectify.access.internal;

import java.util.function.Predicate;

/**
 * Spring Security's firewall checks, without their regular expressions: every header name and value and every
 * parameter name a request reads is matched against {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (a value may also hold
 * tabs), a regex run per header and parameter of every request; a tenth of the CPU of a ledger API request went to
 * them and to their kin (issue 14). The same test, code point by code point: assigned in Unicode and not a control
 * character (Cc).
 */
final class AssignedText {

    /** Header and parameter names: assigned, no control character. */
    static final Predicate<String> NAME = s -> allowed(s, false);

    /** Header values: as names, and tabs. */
    static final Predicate<String> HEADER_VALUE = s -> allowed(s, true);

    private AssignedText() {
    }

    static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII: most of every request
                i++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
