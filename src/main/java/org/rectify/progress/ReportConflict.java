package org.rectify.progress;

import org.rectify.platform.ConflictException;

/** A report command the report's state does not allow: a second first report for a cycle, editing a submitted version. */
public class ReportConflict extends ConflictException {

    public ReportConflict(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
