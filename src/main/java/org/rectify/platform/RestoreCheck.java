package org.rectify.platform;

import javax.sql.DataSource;
import java.io.PrintStream;

/**
 * What the restore runs on the restored database before it declares success (the audit chain's verifier, once it
 * exists: {@code verify-audit}). Returns false, having said why on err, when the restored history does not hold.
 */
@FunctionalInterface
public interface RestoreCheck {

    RestoreCheck NONE = (owner, out, err) -> true;

    boolean check(DataSource owner, PrintStream out, PrintStream err) throws Exception;
}
