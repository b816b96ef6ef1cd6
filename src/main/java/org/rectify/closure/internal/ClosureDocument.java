package org.rectify.closure.internal;

import org.rectify.closure.ClosureDetail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.rectify.platform.OfficialDocument.body;
import static org.rectify.platform.OfficialDocument.centred;
import static org.rectify.platform.OfficialDocument.chineseDate;
import static org.rectify.platform.OfficialDocument.left;
import static org.rectify.platform.OfficialDocument.signature;
import static org.rectify.platform.OfficialDocument.title;
import static org.rectify.platform.OfficialDocument.write;

/**
 * The closure notice (销号通知) as an official document, in the layout of the office's notices and circulars: title,
 * number, the lead units addressed, what was verified and published, and the office that closed it. Always in Chinese.
 */
@Component
class ClosureDocument {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final Clock clock;

    ClosureDocument(MessageSource messages, Clock clock) {
        this.clock = clock;
        this.messages = messages;
    }

    /** {@code taskLabel}: the task as named outside its plan (临沧2018·三(一)), as the notice is read outside it. */
    byte[] render(ClosureDetail c, String taskLabel, List<String> leadUnits, String issuer) {
        return write(doc -> {
            title(doc, text("closure.doc.title"), null);
            centred(doc, c.number());
            left(doc, String.join("、", leadUnits) + "：");
            String verified = c.verifications().stream().filter(ClosureDetail.Verification::passed)
                    .reduce((a, b) -> b).map(v -> chineseDate(v.verifiedOn())).orElse("");
            body(doc, text("closure.doc.body", taskLabel, c.taskTitle(), verified, chineseDate(c.noticeFrom()),
                    chineseDate(c.noticeUntil())));
            long answered = c.objections().size();
            body(doc, answered == 0 ? text("closure.doc.noObjection") : text("closure.doc.objectionsAnswered", answered));
            body(doc, text("closure.doc.closing"));
            signature(doc, issuer, LocalDate.ofInstant(c.closedAt(), clock.getZone()));
        });
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
