package org.rectify.audit;

import java.io.PrintStream;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code java -jar rectify.jar verify-audit}: recomputes the audit chain of the configured database (the embedded
 * one under {@code rectify.data-dir}, or {@code SPRING_DATASOURCE_URL}) and checks its anchors. Exit 0 when
 * intact, 1 when broken, each with one sentence naming the first altered, removed or inserted entry.
 */
public final class VerifyAuditCommand {

    public static final String NAME = "verify-audit";

    private VerifyAuditCommand() {
    }

    public static int run(AuditVerifier verifier, PrintStream out, PrintStream err) {
        AuditVerification v = verifier.verify();
        String sentence = sentence(v, Locale.getDefault());
        if (v.intact()) {
            out.println(sentence);
            return 0;
        }
        err.println(sentence);
        return 1;
    }

    /** The sentence of the page, in Chinese on a Chinese system and in English elsewhere. */
    static String sentence(AuditVerification v, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n/audit",
                "zh".equals(locale.getLanguage()) ? Locale.ROOT : Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (v.intact()) {
            return java.text.MessageFormat.format(texts.getString("audit.intact"), v.entries(), v.anchors());
        }
        ChainBreak b = v.firstBreak();
        return java.text.MessageFormat.format(texts.getString(b.messageKey()), String.valueOf(b.seq()),
                b.anchorDay() == null ? "" : b.anchorDay());
    }
}
