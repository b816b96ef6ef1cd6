package org.rectify.notify;

import java.time.OffsetDateTime;
import java.util.List;

/** One message in an account's inbox; the text is {@code messageKey} with {@code args}, in the reader's language. */
public record InboxMessage(long id, String kind, String messageKey, List<String> args, String link,
                           OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
