package org.rectify.platform;

import java.util.Map;

/** Input that breaks a rule; {@code fieldErrors} maps a field to a bundle key for the form and the API. */
public class InvalidInputException extends RectifyException {

    private final transient Map<String, String> fieldErrors;

    public InvalidInputException(String messageKey, Object... args) {
        this(Map.of(), messageKey, args);
    }

    public InvalidInputException(Map<String, String> fieldErrors, String messageKey, Object... args) {
        super(Kind.INVALID, messageKey, args);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
