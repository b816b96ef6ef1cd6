package org.rectify.supervision.internal;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.WarningLevel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The notice as an official document (.docx): title in the warning's colour, number, addressee, body,
 * reply-by date, issuer and date, in the fonts Chinese offices print with. Always in Chinese: it is a
 * document of the office, not a page of the user's.
 */
@Component
class NoticeDocument {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";

    private final MessageSource messages;

    NoticeDocument(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(SupervisionNotice notice) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, ParagraphAlignment.CENTER, text("supervision.doc.title"), TITLE_FONT, 26, true, colour(notice.level()));
            paragraph(doc, ParagraphAlignment.CENTER, notice.number(), BODY_FONT, 16, false, null);
            paragraph(doc, ParagraphAlignment.LEFT, String.join("、", notice.leadUnits()) + "：", BODY_FONT, 16, false, null);
            paragraph(doc, ParagraphAlignment.BOTH, "　　" + text("supervision.doc.opening", notice.taskRef(), notice.taskTitle()),
                    BODY_FONT, 16, false, null);
            for (String line : notice.demands().split("\\R")) {
                if (!line.isBlank()) {
                    paragraph(doc, ParagraphAlignment.BOTH, "　　" + line.strip(), BODY_FONT, 16, false, null);
                }
            }
            paragraph(doc, ParagraphAlignment.BOTH, "　　" + text("supervision.doc.replyBy", chineseDate(notice.replyBy())),
                    BODY_FONT, 16, false, null);
            paragraph(doc, ParagraphAlignment.RIGHT, notice.issuerUnit(), BODY_FONT, 16, false, null);
            paragraph(doc, ParagraphAlignment.RIGHT,
                    chineseDate(notice.issuedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate()), BODY_FONT, 16, false, null);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, ParagraphAlignment align, String text, String font, int size,
                                  boolean bold, String colour) {
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

    private static String colour(WarningLevel level) {
        return switch (level) {
            case RED -> "C00000";
            case YELLOW -> "BF8F00";
            case BLUE -> "1F4E9A";
            case NONE -> "000000";
        };
    }

    private static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
