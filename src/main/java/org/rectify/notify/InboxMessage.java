package org.rectify.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/** One message in an account's inbox; the text is {@code messageKey} with {@code args}, in the reader's language. */
public record InboxMessage(long id, String kind, String messageKey, List<String> args, String link,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");

    /**
     * The arguments to write the text with. They are stored as text; a count (one to three digits: the days of a
     * reminder) goes back as a number, so that the English text can choose "1 day" or "3 days". Below 1000 a number is
     * written with the same digits, so an argument that only looks like a count reads as before.
     */
    public Object[] formatArgs() {
        return args.stream().map(a -> a != null && COUNT.matcher(a).matches() ? (Object) Integer.valueOf(a) : a).toArray();
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
