package org.rectify.supervision;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.rectify.supervision.internal.OfficialDocument;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * The layout of the office's .docx documents (notices, circulars), for other modules' documents (the briefing) to
 * look the same: centred title in 方正小标宋, body in 仿宋 indented two characters, issuer and date on the right.
 */
public final class OfficialDocuments {

    private OfficialDocuments() {
    }

    /** A new document, filled by {@code content}, as bytes. */
    public static byte[] write(Consumer<XWPFDocument> content) {
        return OfficialDocument.write(content);
    }

    /** A Word file for the browser to save under {@code name} (".docx" is added). */
    public static ResponseEntity<byte[]> download(String name, byte[] document) {
        return OfficialDocument.download(name, document);
    }

    public static void title(XWPFDocument doc, String text) {
        OfficialDocument.title(doc, text, null);
    }

    public static void centred(XWPFDocument doc, String text) {
        OfficialDocument.centred(doc, text);
    }

    public static void left(XWPFDocument doc, String text) {
        OfficialDocument.left(doc, text);
    }

    /** A body paragraph, indented by two characters. */
    public static void body(XWPFDocument doc, String text) {
        OfficialDocument.body(doc, text);
    }

    /** Issuer and date, on the right. */
    public static void signature(XWPFDocument doc, String issuer, OffsetDateTime at) {
        OfficialDocument.signature(doc, issuer, at);
    }
}
