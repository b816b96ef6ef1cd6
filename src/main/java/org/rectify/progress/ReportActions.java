package org.rectify.progress;

/** What the caller may do to a report version now, for the buttons on its page and for API clients. */
public record ReportActions(boolean edit, boolean submit, boolean approve, boolean sendBack, boolean returnToUnit,
                            boolean newVersion) {
}
