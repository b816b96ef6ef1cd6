package org.rectify.platform;

/** LIKE patterns for what users type into search boxes. */
public final class Like {

    private Like() {
    }

    /** A pattern (escape character {@code !}) matching the text anywhere, with the user's % and _ taken literally. */
    public static String containing(String text) {
        return "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
