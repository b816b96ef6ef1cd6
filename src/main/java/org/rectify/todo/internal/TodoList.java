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
        return new Group(source.kind(), items.subList(0, Math.min(SHOWN, items.size())), source.count(caller), more);
    }

    /** Reads the sources again on next use: what they answer from changed in this request. */
    void forget() {
        PerRequest.forget(KEY);
        sources.forEach(s -> PerRequest.forget(ITEMS_KEY + s.kind()));
    }

    /**
     * How many items wait on the caller, or {@code atMost} when more do (the header's number, "999+" beyond): a kind
     * that only counts counts no further; a kind that is read is read once in a request, for the header and the page.
     */
    int countAtMost(Caller caller, int atMost) {
        int sum = 0;
        for (TodoSource source : sources) {
            if (sum >= atMost) {
                break;
            }
            if (source.concerns(caller)) {
                sum += source.everyItemLink() == null ? items(source, caller).size() : source.countAtMost(caller, atMost - sum);
            }
        }
        return Math.min(sum, atMost);
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
