package org.rectify.platform;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An email address as people type it: blank means none, anything else must look like one address
 * (one @, a dotted domain, no spaces or angle brackets that could smuggle in a second recipient).
 */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@<>,;\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddress() {
    }

    /** The address stripped and with a lower-case domain, null for blank; refused when it is not one address. */
    public static String normalize(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > 254 || !SHAPE.matcher(s).matches()) {
            throw new InvalidInputException(Map.of(field, "email.invalid"), "email.invalid");
        }
        int at = s.indexOf('@');
        return s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
    }
}
