package org.rectify.units;

import org.rectify.platform.ErrorHandling;
import org.rectify.platform.InvalidInputException;

import java.util.List;

/**
 * A unit tree or group file that was not loaded, and why: a problem with the file as a whole (format,
 * size, header) or a list of rows, each with its row number as the spreadsheet shows it (header = row 1).
 * Nothing of a rejected file is stored.
 */
public class UnitImportRejected extends InvalidInputException implements ErrorHandling.RowErrors {

    /** At most this many row errors are listed; the message still counts them all. */
    public static final int MAX_LISTED = 100;

    private final transient List<ErrorHandling.RowError> rowErrors;

    /** The file as a whole is refused ({@code unitImport.unsupportedFormat}, {@code unitImport.empty}…). */
    public UnitImportRejected(String messageKey, Object... args) {
        super(messageKey, args);
        this.rowErrors = List.of();
    }

    /** Rows are wrong: the message counts them, the list names them (the first {@value #MAX_LISTED}). */
    public UnitImportRejected(List<ErrorHandling.RowError> rowErrors) {
        super("unitImport.rejected", rowErrors.size());
        this.rowErrors = List.copyOf(rowErrors.subList(0, Math.min(rowErrors.size(), MAX_LISTED)));
    }

    @Override
    public List<ErrorHandling.RowError> rowErrors() {
        return rowErrors;
    }
}
