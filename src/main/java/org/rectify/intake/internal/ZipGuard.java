package org.rectify.intake.internal;

import org.rectify.platform.OfficeFiles;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Inflates every entry of an uploaded zip (.xlsx, .docx) once, counting, before POI builds anything from it:
 * a small file that unpacks to gigabytes is refused here without keeping any of it in memory. POI's own
 * inflate-ratio check ({@code ZipSecureFile}) stays on behind this one. Entries are found through the central
 * directory, so the zips Excel and POI's streaming writer make (stored entries with data descriptors) read too.
 */
final class ZipGuard {

    static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    /** @return the names of the entries; refused when the zip unpacks to more than {@code maxUnpacked} bytes */
    static Set<String> entries(byte[] bytes, long maxUnpacked) {
        Set<String> names = new LinkedHashSet<>();
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (names.size() >= MAX_ENTRIES) {
                    throw new IntakeRejected("intake.upload.zipBomb", OfficeFiles.humanSize(maxUnpacked));
                }
                names.add(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        total += read;
                        if (total > maxUnpacked) {
                            throw new IntakeRejected("intake.upload.zipBomb", OfficeFiles.humanSize(maxUnpacked));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) { // not a zip after all, a truncated one, bad names or methods
            if (e instanceof IntakeRejected rejected) {
                throw rejected;
            }
            throw new IntakeRejected("intake.upload.corrupt");
        }
        return names;
    }
}
