package org.rectify.supervision.internal;

import org.rectify.plans.PlanShortNames;
import org.rectify.platform.OfficialDocument;

import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.WarningLevel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

import static org.rectify.platform.OfficialDocument.body;
import static org.rectify.platform.OfficialDocument.centred;
import static org.rectify.platform.OfficialDocument.chineseDate;
import static org.rectify.platform.OfficialDocument.left;
import static org.rectify.platform.OfficialDocument.paragraph;
import static org.rectify.platform.OfficialDocument.signature;

/**
 * The notice as an official document (.docx): title in the warning's colour, number, addressee, body (the task named
 * with its plan's short name),
 * reply-by date, issuer and date, laid out by {@link OfficialDocument}. Always in Chinese: it is a
 * document of the office, not a page of the user's.
 */
@Component
class NoticeDocument {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final Clock clock;
    private final PlanShortNames shortNames;

    NoticeDocument(MessageSource messages, Clock clock, PlanShortNames shortNames) {
        this.clock = clock;
        this.messages = messages;
        this.shortNames = shortNames;
    }

    byte[] render(SupervisionNotice notice) {
        return OfficialDocument.write(doc -> {
            paragraph(doc, org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER, text("supervision.doc.title"),
                    OfficialDocument.TITLE_FONT, 26, true, colour(notice.level()));
            centred(doc, notice.number());
            left(doc, String.join("、", notice.leadUnits()) + "：");
            // a letter stands outside its plan: the task named with the plan (临沧2018·二(一))
            body(doc, text("supervision.doc.opening", shortNames.label(notice.taskId(), notice.taskRef()), notice.taskTitle()));
            for (String line : notice.demands().split("\\R")) {
                if (!line.isBlank()) {
                    body(doc, line);
                }
            }
            body(doc, text("supervision.doc.replyBy", chineseDate(notice.replyBy())));
            signature(doc, notice.issuerUnit(), notice.issuedAt().atZoneSameInstant(clock.getZone()).toLocalDate());
        });
    }

    private static String colour(WarningLevel level) {
        return switch (level) {
            case RED -> "C00000";
            case YELLOW -> "BF8F00";
            case BLUE -> "1F4E9A";
            case NONE -> "000000";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
