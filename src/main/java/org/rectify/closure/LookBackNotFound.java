package org.rectify.closure;

import org.rectify.platform.NotFoundException;

public class LookBackNotFound extends NotFoundException {

    public LookBackNotFound(long id) {
        super("lookback.notFound");
    }
}
