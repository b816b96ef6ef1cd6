package org.rectify.platform.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * The requests whose time is a transfer rather than a page's CPU: uploads (a multipart body, as slow as the sender),
 * files and exports (evidence, dossiers, documents, spreadsheets, CSV: streamed, as slow as the reader or as long as
 * the rows) and static resources. They pass the {@link AdmissionGate} without taking a turn, so a slow phone uploading
 * evidence or an office exporting the whole ledger never holds a turn the ledger's readers wait for.
 * {@code TransfersTests} checks every handler that writes a file against this.
 */
final class Transfers {

    /** A file by its name (/insight/ledger.xlsx, /tasks/7/dossier.zip, /supervision/notices/3.docx). */
    private static final Pattern FILE = Pattern.compile("\\.(xlsx|docx|zip|csv|pdf)$");
    /** A file behind an API path (/api/tasks/7/dossier, /api/supervision/notices/3/document, …/evidence/12). */
    private static final Pattern FILE_PATH = Pattern.compile("/(dossier|document)$|/evidence/[^/]+$");
    private static final String[] STATIC = {"/webjars/", "/css/", "/js/", "/images/", "/favicon."};

    private Transfers() {
    }

    static boolean isTransfer(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (FILE.matcher(path).find() || FILE_PATH.matcher(path).find()) {
            return true;
        }
        String query = request.getQueryString(); // a list page's export: ?format=xlsx (the query only: a form stays unread)
        if (query != null && (query.startsWith("format=") || query.contains("&format="))) {
            return true;
        }
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
