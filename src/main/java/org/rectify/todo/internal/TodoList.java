package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * The caller's to-do: every source that concerns the caller's role, in the order of their kinds; read once per request
 * (the header's count on every page, and the to-do page itself).
 */
@Component
class TodoList {

    /** Items a kind that grows with the province lists on the page; the rest are counted and linked. */
    static final int SHOWN = 20;

    private static final String KEY = TodoList.class.getName();
    private static final String ITEMS_KEY = KEY + ".items.";
    private static final String COUNT_KEY = KEY + ".count.";

    private final List<TodoSource> sources;

    TodoList(List<TodoSource> sources) {
        this.sources = sources.stream().sorted(Comparator.comparing(TodoSource::kind)).toList();
    }

    List<Group> of(Caller caller) {
        return PerRequest.get(KEY, () -> sources.stream().filter(s -> s.concerns(caller))
                .map(s -> group(s, caller)).toList());
    }

    private Group group(TodoSource source, Caller caller) {
        List<TodoItem> items = items(source, caller);
        String more = source.everyItemLink();
        if (more == null) {
            return new Group(source.kind(), items, items.size(), null);
        }
        return new Group(source.kind(), items.subList(0, Math.min(SHOWN, items.size())), count(source, caller), more);
    }

    /** Reads the sources again on next use: what they answer from changed in this request. */
    void forget() {
        PerRequest.forget(KEY);
        sources.forEach(s -> {
            PerRequest.forget(ITEMS_KEY + s.kind());
            PerRequest.forget(COUNT_KEY + s.kind());
        });
    }

    /** How many items wait on the caller (the header's number): counted, not read, where a kind only counts. */
    int count(Caller caller) {
        return sources.stream().filter(s -> s.concerns(caller)).mapToInt(s -> count(s, caller)).sum();
    }

    // The header (read first, on every page) and the to-do page share each source's one read in a request: the page
    // neither counts a kind again nor reads again the items the header counted.
    private int count(TodoSource source, Caller caller) {
        return PerRequest.get(COUNT_KEY + source.kind(), () -> source.everyItemLink() == null
                ? items(source, caller).size() : source.count(caller));
    }

    private List<TodoItem> items(TodoSource source, Caller caller) {
        return PerRequest.get(ITEMS_KEY + source.kind(), () -> source.items(caller));
    }

    /**
     * One kind's items; {@code kind} names its heading (todo.kind.*); {@code total} counts them all, {@code items}
     * the first of them when {@code everyItemLink} names the page with the rest (else null and all are there).
     */
    record Group(String kind, List<TodoItem> items, int total, String everyItemLink) {

        public boolean hasMore() {
            return total > items.size();
        }

        public String headingKey() {
            return "todo.kind." + kind.substring(kind.indexOf('-') + 1);
        }
    }
}
