package org.rectify.closure.internal.dossier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dossier writes times, sizes and labels: in Chinese, in the offices' time zone (the clock's), whatever the server's zone
 * and the caller's language (the same state gives the same bytes). Templates reach it as {@code txt}.
 */
@Component
public class DossierText {

    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Clock clock;
    private final org.rectify.progress.Evidences evidences;

    DossierText(MessageSource messages, Clock clock, org.rectify.progress.Evidences evidences) {
        this.messages = messages;
        this.clock = clock;
        this.evidences = evidences;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
    }

    public String time(OffsetDateTime at) {
        return at == null ? "" : time(at.toInstant());
    }

    public String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** A bundle label, or {@code fallback} when there is none (a new action of another module). */
    public String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LOCALE);
    }

    /** A task history's action: its own label, or the command's. */
    public String taskAction(String action) {
        return label("task.action." + action, label("task.command." + action, action));
    }

    /** Bytes as a number people read (1 234 567 字节) next to the exact count the hash is over. */
    public String size(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /** Where an evidence file is in the ZIP, for the index's links. */
    public String path(org.rectify.progress.EvidenceFile file) {
        return DossierFile.pathOf(file);
    }

    /**
     * Whether the file's content is in the store, so packed into the ZIP ({@link DossierFile.Content#stored()}): the
     * sections' links say "not in the archive" for the rest instead of pointing at an entry that is not there.
     */
    public boolean stored(org.rectify.progress.EvidenceFile file) {
        return evidences.stored(file.id());
    }

    /** A list newest first (as the modules list histories), oldest first (as a case file reads). */
    static <T> java.util.List<T> reversed(java.util.List<T> list) {
        java.util.List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
