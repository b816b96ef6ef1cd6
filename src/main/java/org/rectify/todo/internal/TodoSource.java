package org.rectify.todo.internal;

import org.rectify.access.Caller;

import java.util.List;

/**
 * One kind of to-do item (reports to write, replies to accept, …): a source answers for a caller with one scoped
 * read of its module's API. A new kind (closures to verify, look-backs due) is one more class implementing this.
 */
interface TodoSource {

    /** The kind's name: its heading is the message {@code todo.kind.<kind>}; also its order on the page. */
    String kind();

    /** Whether callers of this role ever have such items (the others are not asked). */
    boolean concerns(Caller caller);

    /** The caller's items, most urgent first. */
    List<TodoItem> items(Caller caller);
}
