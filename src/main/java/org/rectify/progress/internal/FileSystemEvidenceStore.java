package org.rectify.progress.internal;

import org.rectify.progress.EvidenceRejected;
import org.rectify.progress.EvidenceStore;
import org.rectify.progress.StagedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Evidence on the local file system: {@code <root>/ab/cd/abcd…} named by the SHA-256 of the content, read-only once
 * written. Uploads stream to {@code <root>/tmp} (the same file system, so keeping one is an atomic rename or link)
 * through a 64 KB buffer while the hash and size are computed; the staged file is flushed to disk before it is
 * kept, so a crash cannot leave a half-written file under a content name.
 */
public class FileSystemEvidenceStore implements EvidenceStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileSystemEvidenceStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}");
    private static final Pattern HANDLE = Pattern.compile("upload-[0-9a-f-]{36}\\.part");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path staging;
    private final long maxSize;
    private final Clock clock;
    private boolean temporary;

    public FileSystemEvidenceStore(Path root, long maxSize, Clock clock) {
        this.clock = clock;
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve("tmp");
        this.maxSize = maxSize;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence directory " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** A store in a directory of its own that goes with it: removed, files and all, when the store is closed. */
    public FileSystemEvidenceStore temporary() {
        this.temporary = true;
        return this;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not remove the temporary evidence directory {}: {}", root, e.getMessage());
        }
    }

    public Path staging() {
        return staging;
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public StagedFile stage(InputStream content, String fileName) {
        String name = FileNames.clean(fileName);
        Path temp = staging.resolve("upload-" + UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        byte[] head = new byte[ContentSniffer.HEAD];
        int headLength = 0;
        long size = 0;
        boolean done = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > maxSize) {
                        throw new EvidenceRejected("progress.evidence.tooLarge", name, maxSize / (1024 * 1024));
                    }
                    sha256.update(buffer, 0, n);
                    if (headLength < head.length) {
                        int take = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            String type = ContentSniffer.detect(head, headLength, temp, name);
            if (!name.contains(".")) {
                name = name + ContentSniffer.extension(type);
            }
            done = true;
            return new StagedFile(HexFormat.of().formatHex(sha256.digest()), size, type, name,
                    temp.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("upload of " + name + " interrupted after " + size + " bytes", e);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public String keep(StagedFile staged) {
        Path temp = staged(staged);
        String key = EvidenceStore.keyOf(staged.sha256());
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                refresh(target);
                Files.deleteIfExists(temp);
                return key;
            }
            try {
                // a hard link cannot replace an existing file: stored content is never overwritten
                Files.createLink(target, temp);
                Files.delete(temp);
                syncDirectory(target.getParent());
            } catch (FileAlreadyExistsException raced) {
                refresh(target);
                Files.deleteIfExists(temp);
                return key;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (noLinks instanceof NoSuchFileException) {
                    throw noLinks;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(target.getParent());
            }
            target.toFile().setReadOnly();
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep evidence " + key, e);
        }
    }

    @Override
    public void discard(StagedFile staged) {
        if (staged != null && HANDLE.matcher(staged.handle()).matches()) {
            deleteQuietly(staging.resolve(staged.handle()));
        }
    }

    /**
     * A key of another shape (a row restored from elsewhere, an older generator's {@code ab/<hash>}) names no file here:
     * it is missing like a deleted file, not an error of the caller.
     */
    @Override
    public InputStream open(String storageKey) throws IOException {
        if (!isKey(storageKey)) {
            throw new NoSuchFileException(String.valueOf(storageKey), null, "not an evidence key of this store");
        }
        return Files.newInputStream(root.resolve(storageKey));
    }

    @Override
    public boolean contains(String storageKey) {
        return isKey(storageKey) && Files.isRegularFile(root.resolve(storageKey));
    }

    @Override
    public void delete(String storageKey) {
        Path file = path(storageKey);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete evidence file {}: {}", file, e.getMessage());
        }
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant cutoff) {
        try {
            return Files.walk(root, 3)
                    .filter(p -> !p.startsWith(staging) && p.getNameCount() == root.getNameCount() + 3)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> KEY.matcher(k).matches())
                    .filter(k -> writtenBefore(root.resolve(k), cutoff));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int deleteStagedBefore(Instant cutoff) {
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path p : files.toList()) {
                if (HANDLE.matcher(p.getFileName().toString()).matches() && writtenBefore(p, cutoff)) {
                    deleteQuietly(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("could not list {}: {}", staging, e.getMessage());
        }
        return removed;
    }

    private static boolean isKey(String storageKey) {
        return storageKey != null && KEY.matcher(storageKey).matches();
    }

    private Path path(String storageKey) {
        if (!isKey(storageKey)) {
            throw new IllegalArgumentException("not an evidence key: " + storageKey);
        }
        return root.resolve(storageKey);
    }

    private Path staged(StagedFile staged) {
        if (!HANDLE.matcher(staged.handle()).matches()) {
            throw new IllegalArgumentException("not a staged file: " + staged.handle());
        }
        Path temp = staging.resolve(staged.handle());
        if (!Files.isRegularFile(temp)) {
            throw new IllegalStateException("staged file " + staged.handle() + " is gone (kept or discarded already)");
        }
        return temp;
    }

    /** The new name survives a crash too, not only the content (a no-op where directories cannot be synced). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot sync directory {}: {}", dir, e.getMessage());
        }
    }

    private void refresh(Path target) throws IOException {
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    }

    private static boolean writtenBefore(Path p, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", p, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
