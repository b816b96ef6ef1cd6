package org.rectify.notify.internal;

import java.util.List;

/**
 * A message to send on every channel: its kind, the key that makes it arrive once per recipient and channel
 * however often it is dispatched, the page it points to (relative, e.g. {@code /tasks/12}), the bundle key
 * with its arguments, and the task it is about (null if none): nothing is sent about a closed task.
 */
public record Outgoing(String kind, String dedupeKey, String link, Long taskId, String messageKey, List<String> args) {

    public Outgoing {
        args = List.copyOf(args);
    }

    public static Outgoing about(long taskId, String kind, String dedupeKey, String link, String messageKey, String... args) {
        return new Outgoing(kind, dedupeKey, link, taskId, messageKey, List.of(args));
    }

    public static Outgoing of(String kind, String dedupeKey, String link, String messageKey, String... args) {
        return new Outgoing(kind, dedupeKey, link, null, messageKey, List.of(args));
    }
}
