package org.rectify.intake.internal;

import org.rectify.platform.OfficeFileCensus;
import org.rectify.platform.OfficeFiles;
import org.rectify.intake.parser.PlanText;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * An uploaded plan: a text file, a Word document or a task-breakdown workbook. The kind is told by the file
 * name and checked against the content (a file named .xlsx must be a workbook); without a known name, by the
 * content alone. Anything else (old .xls/.doc, PDF, images, a zip of something else) is refused with a
 * sentence saying what was expected.
 */
record PlanUpload(SourceKind kind, String name, byte[] bytes) {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    /** What an .xlsx or .docx may unpack to. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;

    static PlanUpload read(String filename, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) (MAX_BYTES + 1));
        } catch (IOException e) {
            throw new IntakeRejected("intake.upload.unreadable");
        }
        return of(filename, bytes);
    }

    static PlanUpload of(String filename, byte[] bytes) {
        String name = filename == null || filename.isBlank() ? null : filename.strip();
        if (bytes.length > MAX_BYTES) {
            throw new IntakeRejected("intake.upload.tooLarge", OfficeFiles.humanSize(MAX_BYTES));
        }
        if (bytes.length == 0) {
            throw new IntakeRejected("intake.upload.empty");
        }
        String ext = extension(name);
        boolean zip = OfficeFiles.startsWith(bytes, 'P', 'K', 3, 4);
        if (OfficeFiles.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0) || Set.of("xls", "doc", "et", "wps").contains(ext)) {
            throw new IntakeRejected("intake.upload.legacyFormat"); // OLE2: .xls, .doc, or an encrypted .xlsx
        }
        switch (ext) {
            case "xlsx", "xlsm" -> {
                if (!zip || !ZipGuard.entries(bytes, MAX_UNPACKED).contains("xl/workbook.xml")) {
                    throw new IntakeRejected("intake.upload.notXlsx");
                }
                return new PlanUpload(SourceKind.XLSX, name, bytes);
            }
            case "docx" -> {
                if (!zip || !ZipGuard.entries(bytes, MAX_UNPACKED).contains("word/document.xml")) {
                    throw new IntakeRejected("intake.upload.notDocx");
                }
                return docx(name, bytes);
            }
            case "", "txt", "text" -> {
                if (zip) {
                    Set<String> entries = ZipGuard.entries(bytes, MAX_UNPACKED);
                    if (entries.contains("xl/workbook.xml")) {
                        return new PlanUpload(SourceKind.XLSX, name, bytes);
                    }
                    if (entries.contains("word/document.xml")) {
                        return docx(name, bytes);
                    }
                    throw new IntakeRejected("intake.upload.unsupported");
                }
                return new PlanUpload(SourceKind.TEXT, name, bytes);
            }
            default -> throw new IntakeRejected("intake.upload.unsupported");
        }
    }

    /** A Word document, once its paragraphs, tables and text are counted and within bounds. */
    private static PlanUpload docx(String name, byte[] bytes) {
        census(() -> OfficeFileCensus.docx(bytes, OfficeFileCensus.Limits.DEFAULT));
        return new PlanUpload(SourceKind.DOCX, name, bytes);
    }

    /** Runs a census; its refusal in intake's words, so the upload form shows it like any other. */
    static void census(Runnable count) {
        try {
            count.run();
        } catch (OfficeFileCensus.TooComplex e) {
            throw new IntakeRejected(e.messageKey(), e.args());
        }
    }

    /** The plan text of a .txt or .docx upload (offsets of the draft point into it). */
    String text() {
        String text;
        try {
            text = PlanText.read(bytes);
        } catch (IOException | RuntimeException e) {
            throw new IntakeRejected(kind == SourceKind.DOCX ? "intake.upload.notDocx" : "intake.upload.unreadable");
        }
        return checkedText(text);
    }

    /** Line breaks as \n (a browser posts a textarea with \r\n); refused when it is not text at all. */
    static String checkedText(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f' || c == '\uFFFD') {
                throw new IntakeRejected("intake.upload.notText");
            }
        }
        if (t.isBlank()) {
            throw new IntakeRejected("intake.upload.empty");
        }
        return t;
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }


}
