package org.rectify.progress;

import org.rectify.platform.NotFoundException;

/** No such report, task or cycle, or not within the caller's scope: the two look the same. */
public class ReportNotFound extends NotFoundException {

    public ReportNotFound(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
