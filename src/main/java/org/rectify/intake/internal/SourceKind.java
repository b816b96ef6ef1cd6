package org.rectify.intake.internal;

/** What a draft was taken in from. */
public enum SourceKind {
    /** Plan text, pasted or uploaded as .txt (UTF-8 or GB18030). */
    TEXT,
    /** A Word document. */
    DOCX,
    /** A task-breakdown spreadsheet, one row per task. */
    XLSX
}
