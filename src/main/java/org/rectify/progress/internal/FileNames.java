package org.rectify.progress.internal;

import org.rectify.progress.EvidenceRejected;

import java.text.Normalizer;

/** File names as uploads carry them, made safe to keep and show: no path parts, no control characters, not too long. */
public final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /**
     * The name without any directory part (browsers on Windows may send {@code C:\Users\…\a.pdf}). A name that walks
     * up a directory ({@code ../}) is refused outright: it is an attack, not a file name.
     */
    public static String clean(String original) {
        if (original == null || original.isBlank()) {
            return "file";
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC).strip();
        for (String part : name.split("[/\\\\]", -1)) {
            if (part.strip().equals("..")) {
                throw new EvidenceRejected("progress.evidence.badFileName", original);
            }
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x7f || "<>:\"|?*".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        name = out.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "file";
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return name;
    }
}
