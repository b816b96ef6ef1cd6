package org.rectify.closure.internal.dossier;

import org.rectify.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the ZIP as a stream: the index first, then each file read from its store in 8 KB pieces, so a dossier
 * of any size needs a few buffers of memory. Deterministic: entries in the order given, each with the same DOS
 * time (no extended timestamps, no comment), compressed at one fixed level.
 */
final class DossierZip {

    static final String INDEX = "index.html";
    private static final Logger log = LoggerFactory.getLogger(DossierZip.class);

    private DossierZip() {
    }

    static void write(OutputStream out, byte[] index, List<DossierFile> files, LocalDateTime time) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // the response closes its own stream
            }
        });
        zip.setLevel(Deflater.BEST_SPEED); // photos and PDFs are compressed already: spend little time on them
        zip.putNextEntry(entry(INDEX, time));
        zip.write(index);
        zip.closeEntry();
        for (DossierFile file : files) {
            InputStream in = open(file);
            if (in == null) {
                continue;
            }
            zip.putNextEntry(entry(file.path(), time));
            try (in) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.close();
    }

    /** The content, or null when it went from the store after the index was written (the ZIP is finished without it). */
    private static InputStream open(DossierFile file) throws IOException {
        try {
            return file.content().open();
        } catch (NoSuchFileException | NotFoundException gone) {
            log.warn("dossier file {} is not in the store: left out", file.path());
            return null;
        }
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        return entry;
    }
}
