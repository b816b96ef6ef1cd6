package org.rectify.progress;

import org.rectify.platform.ForbiddenException;

/** The caller sees the report or task, but their role or unit may not do this to it. */
public class ReportForbidden extends ForbiddenException {

    public ReportForbidden(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
