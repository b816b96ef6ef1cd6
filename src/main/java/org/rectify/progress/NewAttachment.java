package org.rectify.progress;

/**
 * A staged file to attach to a report: to the report itself, or to its obligation record at position
 * {@code obligationIndex} (the minutes of a meeting) of the content being saved.
 */
public record NewAttachment(StagedFile file, Integer obligationIndex) {

    public static NewAttachment toReport(StagedFile file) {
        return new NewAttachment(file, null);
    }
}
