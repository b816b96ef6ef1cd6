package org.rectify.progress;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.rectify.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.rectify.progress.internal.db.Tables.EVIDENCE;

/**
 * Evidence files and their rows. A file is kept in the store before its row is written, in the transaction that
 * links it, so a committed row always has its file; a transaction that fails after the file was kept leaves an
 * orphan file, which {@link #cleanUp} removes once it is older than an hour. Keeping a file and cleaning it up take
 * the same database lock (per content hash), so the clean-up never removes a file a transaction is about to use.
 */
@Service
public class Evidences {

    /** An hour: younger files and staging leftovers may still belong to an upload in progress. */
    public static final Duration CLEAN_UP_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(Evidences.class);
    private static final int LOCK_NAMESPACE = 0x65766964; // "evid"
    private static final int BATCH = 500;

    private final DSLContext db;
    private final EvidenceStore store;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Evidences(DSLContext db, EvidenceStore store, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public EvidenceStore store() {
        return store;
    }

    /** Keeps a staged file and records it; runs in the caller's transaction, which links the evidence. */
    @Transactional(propagation = Propagation.MANDATORY)
    public EvidenceFile record(StagedFile staged, Caller caller) {
        lock(staged.sha256());
        String key = store.keep(staged);
        Instant now = clock.instant();
        long id = db.insertInto(EVIDENCE)
                .set(EVIDENCE.SHA256, staged.sha256()).set(EVIDENCE.SIZE_BYTES, staged.size())
                .set(EVIDENCE.CONTENT_TYPE, staged.contentType()).set(EVIDENCE.FILE_NAME, staged.fileName())
                .set(EVIDENCE.STORAGE_KEY, key).set(EVIDENCE.UPLOADED_BY, caller.signature())
                .set(EVIDENCE.UPLOADED_BY_UNIT_ID, caller.unitId() > 0 ? caller.unitId() : null)
                .set(EVIDENCE.UPLOADED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(EVIDENCE.ID).fetchOne(EVIDENCE.ID);
        return new EvidenceFile(id, staged.fileName(), staged.contentType(), staged.size(), staged.sha256(),
                caller.signature(), now);
    }

    @Transactional(readOnly = true)
    public Optional<EvidenceFile> find(long id) {
        return db.selectFrom(EVIDENCE).where(EVIDENCE.ID.eq(id)).fetchOptional(Evidences::toFile);
    }

    /** The recorded files with these ids, by id: another module's link table holds the ids, the files are here. */
    @Transactional(readOnly = true)
    public Map<Long, EvidenceFile> files(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(EVIDENCE).where(EVIDENCE.ID.in(ids)).fetchMap(EVIDENCE.ID, Evidences::toFile);
    }

    /**
     * The files of several owners (a notice's reply, a look-back): {@code links} are (owner id, evidence id) in the
     * order to show them; the answer keeps that order per owner.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<EvidenceFile>> filesByOwner(List<? extends Record2<Long, Long>> links) {
        Map<Long, EvidenceFile> files = files(links.stream().map(Record2::value2).toList());
        Map<Long, List<EvidenceFile>> byOwner = new LinkedHashMap<>();
        links.forEach(l -> byOwner.computeIfAbsent(l.value1(), k -> new ArrayList<>()).add(files.get(l.value2())));
        return byOwner;
    }

    /** The content of a recorded file. Callers check the reader's scope first. */
    @Transactional(readOnly = true)
    public InputStream open(long id) throws IOException {
        String key = db.select(EVIDENCE.STORAGE_KEY).from(EVIDENCE).where(EVIDENCE.ID.eq(id))
                .fetchOptional(EVIDENCE.STORAGE_KEY).orElseThrow(() -> new EvidenceNotFound(id));
        try {
            return store.open(key);
        } catch (NoSuchFileException gone) {
            // recorded but not in the store (restored without its files, or generated): the reader gets a 404, not a 500
            log.warn("evidence {} is recorded but its file {} is not in the store", id, key);
            throw new EvidenceNotFound(id);
        }
    }

    /**
     * Whether the recorded file's content is in the store (false for a row restored without its file, or one whose key
     * the store cannot hold): a download that packs many files checks each before it starts writing.
     */
    @Transactional(readOnly = true)
    public boolean stored(long id) {
        return db.select(EVIDENCE.STORAGE_KEY).from(EVIDENCE).where(EVIDENCE.ID.eq(id))
                .fetchOptional(EVIDENCE.STORAGE_KEY).map(store::contains).orElse(false);
    }

    /** How many staging leftovers and orphan files a clean-up removed. */
    public record CleanUp(int stagedRemoved, int orphansRemoved) {
    }

    /**
     * Removes staging leftovers (interrupted uploads) and stored files no evidence row references, both when older
     * than {@code minAge}. Safe while uploads go on, on any number of nodes.
     */
    public CleanUp cleanUp(Duration minAge) {
        Instant cutoff = clock.instant().minus(minAge);
        int staged = store.deleteStagedBefore(cutoff);
        int orphans = 0;
        List<String> batch = new ArrayList<>(BATCH);
        try (var keys = store.keysWrittenBefore(cutoff)) {
            for (var it = keys.iterator(); it.hasNext(); ) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    orphans += removeOrphans(batch);
                    batch.clear();
                }
            }
        }
        if (staged > 0 || orphans > 0) {
            log.info("Evidence clean-up removed {} interrupted upload(s) and {} file(s) no report references", staged, orphans);
        }
        return new CleanUp(staged, orphans);
    }

    private int removeOrphans(List<String> keys) {
        Set<String> referenced = new HashSet<>(db.selectDistinct(EVIDENCE.STORAGE_KEY).from(EVIDENCE)
                .where(EVIDENCE.STORAGE_KEY.in(keys)).fetch(EVIDENCE.STORAGE_KEY));
        int removed = 0;
        for (String key : keys) {
            if (referenced.contains(key)) {
                continue;
            }
            Boolean gone = transaction.execute(status -> {
                // a transaction keeping this content holds the lock until it commits its row
                if (!tryLock(hashOf(key)) || db.fetchExists(EVIDENCE, EVIDENCE.STORAGE_KEY.eq(key))) {
                    return false;
                }
                store.delete(key);
                return true;
            });
            if (Boolean.TRUE.equals(gone)) {
                removed++;
            }
        }
        return removed;
    }

    private void lock(String sha256) {
        db.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.val(LOCK_NAMESPACE), DSL.val(lockKey(sha256))))
                .fetch();
    }

    private boolean tryLock(String sha256) {
        return Boolean.TRUE.equals(db.select(DSL.function("pg_try_advisory_xact_lock", SQLDataType.BOOLEAN,
                DSL.val(LOCK_NAMESPACE), DSL.val(lockKey(sha256)))).fetchOne(0, Boolean.class));
    }

    private static int lockKey(String sha256) {
        return Integer.parseUnsignedInt(sha256.substring(0, 8), 16);
    }

    private static String hashOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** An evidence row (the {@code evidence} table's fields, e.g. joined to a link table) as the pages show it. */
    public static EvidenceFile toFile(Record r) {
        return new EvidenceFile(r.get(EVIDENCE.ID), r.get(EVIDENCE.FILE_NAME), r.get(EVIDENCE.CONTENT_TYPE),
                r.get(EVIDENCE.SIZE_BYTES), r.get(EVIDENCE.SHA256), r.get(EVIDENCE.UPLOADED_BY),
                r.get(EVIDENCE.UPLOADED_AT).toInstant());
    }
}
