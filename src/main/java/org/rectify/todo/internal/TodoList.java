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

    private static final String KEY = TodoList.class.getName();

    private final List<TodoSource> sources;

    TodoList(List<TodoSource> sources) {
        this.sources = sources.stream().sorted(Comparator.comparing(TodoSource::kind)).toList();
    }

    List<Group> of(Caller caller) {
        return PerRequest.get(KEY, () -> sources.stream().filter(s -> s.concerns(caller))
                .map(s -> new Group(s.kind(), s.items(caller))).toList());
    }

    /** Reads the sources again on next use: what they answer from changed in this request. */
    void forget() {
        PerRequest.forget(KEY);
    }

    int count(Caller caller) {
        return of(caller).stream().mapToInt(g -> g.items().size()).sum();
    }

    /** One kind's items; {@code kind} names its heading (todo.kind.*). */
    record Group(String kind, List<TodoItem> items) {

        public String headingKey() {
            return "todo.kind." + kind.substring(kind.indexOf('-') + 1);
        }
    }
}
