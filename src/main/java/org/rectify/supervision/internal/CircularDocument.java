package org.rectify.supervision.internal;

import org.rectify.platform.OfficialDocument;

import org.rectify.supervision.Circular;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

import static org.rectify.platform.OfficialDocument.body;
import static org.rectify.platform.OfficialDocument.centred;
import static org.rectify.platform.OfficialDocument.left;
import static org.rectify.platform.OfficialDocument.signature;
import static org.rectify.platform.OfficialDocument.title;

/**
 * The circular as an official document (.docx): title centred, number, addressees, body paragraphs, issuer and
 * date. A draft has no number yet and is dated today, marked 征求意见稿 so a printed draft is not mistaken for it.
 */
@Component
class CircularDocument {

    private final Clock clock;

    CircularDocument(Clock clock) {
        this.clock = clock;
    }

    byte[] render(Circular circular) {
        return OfficialDocument.write(doc -> {
            if (!circular.isPublished()) {
                centred(doc, "（征求意见稿）");
            }
            title(doc, circular.title(), null);
            if (circular.number() != null) {
                centred(doc, circular.number());
            }
            left(doc, circular.addressees());
            for (String line : circular.body().split("\\R")) {
                if (!line.isBlank()) {
                    body(doc, line);
                }
            }
            OffsetDateTime date = circular.isPublished() ? circular.publishedAt() : OffsetDateTime.now(clock);
            signature(doc, circular.issuerUnit(), date.atZoneSameInstant(clock.getZone()).toLocalDate());
        });
    }
}
