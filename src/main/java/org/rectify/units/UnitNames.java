package org.rectify.units;

/** How a written unit name is compared: trimmed, with ASCII parentheses made full-width as offices print them. */
public final class UnitNames {

    private UnitNames() {
    }

    public static String canonical(String written) {
        if (written == null) {
            return "";
        }
        return written.strip().replace('(', '（').replace(')', '）').replaceAll("\\s+", "");
    }
}
