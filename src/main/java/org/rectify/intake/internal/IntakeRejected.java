package org.rectify.intake.internal;

import org.rectify.platform.ErrorHandling;
import org.rectify.platform.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * An upload or a draft that was refused, and why: the file as a whole (format, size, columns) or a list of
 * spreadsheet rows, each with its row number as the spreadsheet shows it. Nothing of a refused file is stored.
 */
class IntakeRejected extends InvalidInputException implements ErrorHandling.RowErrors {

    /** At most this many row errors are listed; the message still counts them all. */
    static final int MAX_LISTED = 100;

    private final transient List<ErrorHandling.RowError> rowErrors;

    IntakeRejected(String messageKey, Object... args) {
        super(messageKey, args);
        this.rowErrors = List.of();
    }

    IntakeRejected(Map<String, String> fieldErrors, String messageKey, Object... args) {
        super(fieldErrors, messageKey, args);
        this.rowErrors = List.of();
    }

    /** Rows are wrong: the message counts them, the list names them (the first {@value #MAX_LISTED}). */
    IntakeRejected(List<ErrorHandling.RowError> rowErrors) {
        super("intake.import.rejectedRows", rowErrors.size());
        this.rowErrors = List.copyOf(rowErrors.subList(0, Math.min(rowErrors.size(), MAX_LISTED)));
    }

    @Override
    public List<ErrorHandling.RowError> rowErrors() {
        return rowErrors;
    }
}
