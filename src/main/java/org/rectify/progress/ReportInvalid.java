package org.rectify.progress;

import org.rectify.platform.InvalidInputException;

import java.util.Map;

/** A report, cadence or contribution that breaks a rule; each broken rule is named at its field. */
public class ReportInvalid extends InvalidInputException {

    public ReportInvalid(Map<String, String> fieldErrors) {
        super(fieldErrors, "progress.invalid");
    }

    public ReportInvalid(String field, String messageKey, Object... args) {
        super(Map.of(field, messageKey), messageKey, args);
    }
}
