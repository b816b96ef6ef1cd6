package org.rectify.audit.internal;

import org.rectify.audit.AuditVerification;
import org.rectify.audit.ChainBreak;
import org.rectify.platform.Messages;
import org.springframework.stereotype.Component;

/** The verification's sentence in the reader's language. */
@Component
class AuditTexts {

    private final Messages messages;

    AuditTexts(Messages messages) {
        this.messages = messages;
    }

    String sentence(AuditVerification v) {
        if (v.intact()) {
            return messages.text("audit.intact", v.entries(), v.anchors());
        }
        ChainBreak b = v.firstBreak();
        return messages.text(b.messageKey(), String.valueOf(b.seq()), b.anchorDay() == null ? "" : b.anchorDay());
    }
}
