package org.rectify.progress.internal;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.rectify.progress.EvidenceRejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file is, by its content, not its name: PDF, PNG, JPEG, GIF, WebP, Word/Excel/PowerPoint (OOXML and the
 * older OLE2 formats), and plain UTF-8 text or CSV. Executables (Windows MZ, ELF, Mach-O, Java classes, {@code #!}
 * scripts) and any other binary are refused.
 */
public final class ContentSniffer {

    /** How many leading bytes the sniffer needs. */
    public static final int HEAD = 16;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private ContentSniffer() {
    }

    /** The content type of the file whose first bytes are {@code head[0..length)}; refuses what is not evidence. */
    public static String detect(byte[] head, int length, Path file, String fileName) {
        if (length == 0) {
            throw new EvidenceRejected("progress.evidence.empty", fileName);
        }
        if (isExecutable(head, length)) {
            throw new EvidenceRejected("progress.evidence.executable", fileName);
        }
        if (starts(head, length, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, length, "GIF87a") || starts(head, length, "GIF89a")) {
            return "image/gif";
        }
        if (starts(head, length, "RIFF") && length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        if (starts(head, length, 'P', 'K', 3, 4)) {
            return officeOpenXml(file, fileName);
        }
        if (starts(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return compoundDocument(file, fileName);
        }
        if (isText(file)) {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? "text/csv" : "text/plain";
        }
        throw new EvidenceRejected("progress.evidence.unsupportedType", fileName);
    }

    /** The file name extension that fits a content type, for names that lack one. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case DOCX -> ".docx";
            case XLSX -> ".xlsx";
            case PPTX -> ".pptx";
            case "application/msword" -> ".doc";
            case "application/vnd.ms-excel" -> ".xls";
            case "application/vnd.ms-powerpoint" -> ".ppt";
            case "text/csv" -> ".csv";
            default -> ".txt";
        };
    }

    static boolean isExecutable(byte[] head, int length) {
        return starts(head, length, 'M', 'Z')                       // Windows PE, DOS
                || starts(head, length, 0x7F, 'E', 'L', 'F')        // Linux, Android
                || starts(head, length, 0xFE, 0xED, 0xFA, 0xCE) || starts(head, length, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(head, length, 0xCE, 0xFA, 0xED, 0xFE) || starts(head, length, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(head, length, 0xCA, 0xFE, 0xBA, 0xBE)     // Mach-O universal, Java class
                || starts(head, length, "#!")                        // scripts
                || starts(head, length, 0xEF, 0xBB, 0xBF, '#', '!');
    }

    private static String officeOpenXml(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw new EvidenceRejected("progress.evidence.unsupportedType", fileName);
            }
            boolean word = false, excel = false, powerPoint = false;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                word |= e.getName().startsWith("word/");
                excel |= e.getName().startsWith("xl/");
                powerPoint |= e.getName().startsWith("ppt/");
            }
            if (word) {
                return DOCX;
            }
            if (excel) {
                return XLSX;
            }
            if (powerPoint) {
                return PPTX;
            }
        } catch (IOException e) {
            // not a readable zip
        }
        throw new EvidenceRejected("progress.evidence.unsupportedType", fileName);
    }

    private static String compoundDocument(Path file, String fileName) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return "application/msword";
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return "application/vnd.ms-excel";
            }
            if (root.hasEntry("PowerPoint Document")) {
                return "application/vnd.ms-powerpoint";
            }
        } catch (IOException | RuntimeException e) {
            // not a readable compound document
        }
        throw new EvidenceRejected("progress.evidence.unsupportedType", fileName);
    }

    /** Valid UTF-8 throughout, without control characters other than tab, line breaks and form feed. */
    private static boolean isText(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[8192];
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new java.io.InputStreamReader(in, decoder)) {
            int n;
            while ((n = reader.read(buffer)) != -1) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                        return false;
                    }
                    if (c == 0x7F) {
                        return false;
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean starts(byte[] head, int length, String prefix) {
        return starts(head, length, prefix.chars().toArray());
    }

    private static boolean starts(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
