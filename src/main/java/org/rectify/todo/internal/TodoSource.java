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

    /** The caller's items, most urgent first (a kind that grows with the province: its first {@link TodoList#SHOWN}). */
    List<TodoItem> items(Caller caller);

    /** How many items the caller has, also those {@link #items} leaves out. */
    default int count(Caller caller) {
        return items(caller).size();
    }

    /** {@link #count}, or {@code atMost} when there are more (the header's count, shown as "999+" beyond). */
    default int countAtMost(Caller caller, int atMost) {
        return Math.min(count(caller), atMost);
    }

    /** The page listing all of them when {@link #items} shows only the first (null: it shows all). */
    default String everyItemLink() {
        return null;
    }
}
