package org.rectify.platform;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The layout of the office's documents (.docx) — supervision notices, circulars, closure notices: a centred title in the fonts Chinese
 * offices print with, paragraphs indented by two characters, issuer and date on the right.
 */
public final class OfficialDocument {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String INDENT = "　　";

    private OfficialDocument() {
    }

    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** A document as the browser receives it: a Word file to save under {@code name} (".docx" is added). */
    public static ResponseEntity<byte[]> download(String name, byte[] document) {
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(document);
    }

    /** A new document, filled by {@code content}, as bytes. */
    public static byte[] write(Consumer<XWPFDocument> content) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void title(XWPFDocument doc, String text, String colour) {
        paragraph(doc, ParagraphAlignment.CENTER, text, TITLE_FONT, 22, true, colour);
    }

    public static void centred(XWPFDocument doc, String text) {
        paragraph(doc, ParagraphAlignment.CENTER, text, BODY_FONT, 16, false, null);
    }

    public static void left(XWPFDocument doc, String text) {
        paragraph(doc, ParagraphAlignment.LEFT, text, BODY_FONT, 16, false, null);
    }

    /** A body paragraph, indented by two characters. */
    public static void body(XWPFDocument doc, String text) {
        paragraph(doc, ParagraphAlignment.BOTH, INDENT + text.strip(), BODY_FONT, 16, false, null);
    }

    /** Issuer and date (the day in the offices' time zone), on the right. */
    public static void signature(XWPFDocument doc, String issuer, LocalDate day) {
        paragraph(doc, ParagraphAlignment.RIGHT, issuer, BODY_FONT, 16, false, null);
        paragraph(doc, ParagraphAlignment.RIGHT, chineseDate(day), BODY_FONT, 16, false, null);
    }

    public static void paragraph(XWPFDocument doc, ParagraphAlignment align, String text, String font, int size, boolean bold,
                          String colour) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        if (colour != null) {
            run.setColor(colour);
        }
    }

    /** A table with a bold header row, in the body font, one row per entry of {@code rows}. */
    public static void table(XWPFDocument doc, java.util.List<String> headers, java.util.List<java.util.List<String>> rows) {
        org.apache.poi.xwpf.usermodel.XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
        table.setWidth("100%");
        for (int c = 0; c < headers.size(); c++) {
            cell(table.getRow(0).getCell(c), headers.get(c), true);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < headers.size(); c++) {
                String text = c < rows.get(r).size() ? rows.get(r).get(c) : "";
                cell(table.getRow(r + 1).getCell(c), text == null ? "" : text, false);
            }
        }
    }

    private static void cell(org.apache.poi.xwpf.usermodel.XWPFTableCell cell, String text, boolean bold) {
        XWPFRun run = cell.getParagraphs().get(0).createRun();
        run.setText(text);
        run.setFontFamily(BODY_FONT);
        run.setFontSize(10.5);
        run.setBold(bold);
    }

    public static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
