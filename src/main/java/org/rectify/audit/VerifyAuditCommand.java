package org.rectify.audit;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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

    /**
     * Verifies the chain of a database given only a connection source (the restore checks the database it restored
     * this way, before any application context exists). A database without the audit tables has nothing to verify.
     */
    public static boolean check(DataSource database, PrintStream out, PrintStream err) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false); // so PostgreSQL streams the entries through a cursor
            DSLContext db = DSL.using(c, SQLDialect.POSTGRES);
            if (db.fetchValue("select to_regclass('audit_entry') is not null", Boolean.class) != Boolean.TRUE) {
                out.println("verify-audit: no audit chain in this database");
                return true;
            }
            AuditVerifier verifier = new AuditVerifier(db, new AuditLog(db), Clock.systemUTC());
            try {
                return run(verifier, out, err) == 0;
            } finally {
                c.rollback();
            }
        }
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
