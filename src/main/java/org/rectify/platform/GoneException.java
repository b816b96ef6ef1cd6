package org.rectify.platform;

/**
 * What a link named once and is no longer there (remade since), told apart from what never was or is out of scope,
 * so that a page can lead the user on rather than show an error.
 */
public class GoneException extends RectifyException {

    public GoneException(String messageKey, Object... args) {
        super(Kind.GONE, messageKey, args);
    }
}
