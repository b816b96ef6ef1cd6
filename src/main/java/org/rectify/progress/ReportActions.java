package org.rectify.progress;

import static org.rectify.progress.ReportLifecycle.APPROVE;
import static org.rectify.progress.ReportLifecycle.NEW_VERSION;
import static org.rectify.progress.ReportLifecycle.RETURN_TO_UNIT;
import static org.rectify.progress.ReportLifecycle.SAVE;
import static org.rectify.progress.ReportLifecycle.SEND_BACK;
import static org.rectify.progress.ReportLifecycle.SUBMIT;

/** What the caller may do to a report version now, for the buttons on its page and for API clients. */
public record ReportActions(boolean edit, boolean submit, boolean approve, boolean sendBack, boolean returnToUnit,
                            boolean newVersion) {

    /** What {@link ReportLifecycle} allows in this situation: the buttons are the commands the service accepts. */
    public static ReportActions in(ReportLifecycle.Situation s) {
        return new ReportActions(SAVE.allows(s), SUBMIT.allows(s), APPROVE.allows(s), SEND_BACK.allows(s),
                RETURN_TO_UNIT.allows(s), NEW_VERSION.allows(s));
    }
}
