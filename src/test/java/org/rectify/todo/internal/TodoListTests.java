package org.rectify.todo.internal;

import org.junit.jupiter.api.Test;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A kind that grows with the province lists its first items and counts the rest; the header counts them all. */
class TodoListTests {

    private final Caller office = new Caller(1, "office", "办公室", 1, "省委巡视办", Role.OFFICE, DataScope.ofUnit("/1/"));

    @Test
    void a_kind_with_more_items_than_it_lists_counts_them_all_and_links_the_page_with_the_rest() {
        TodoList todo = new TodoList(List.of(new Counted("70-red", 3, 12_454, "/supervision/ledger"), new Listed("60-replies", 2)));

        assertThat(todo.of(office)).extracting(TodoList.Group::kind, g -> g.items().size(), TodoList.Group::total,
                        TodoList.Group::hasMore, TodoList.Group::everyItemLink)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("60-replies", 2, 2, false, null),
                        org.assertj.core.groups.Tuple.tuple("70-red", 3, 12_454, true, "/supervision/ledger"));
        assertThat(todo.countAtMost(office, 100_000)).isEqualTo(12_456);
    }

    @Test
    void a_kind_that_grows_with_the_province_lists_only_its_first_items() {
        TodoList todo = new TodoList(List.of(new Counted("60-replies", 500, 500, "/supervision/notices")));
        assertThat(todo.of(office).get(0).items()).hasSize(TodoList.SHOWN);
        assertThat(todo.of(office).get(0).total()).isEqualTo(500);
    }

    @Test
    void the_header_counts_without_reading_the_items_of_a_kind_that_counts() {
        Counted red = new Counted("70-red", 3, 40, "/supervision/ledger");
        assertThat(new TodoList(List.of(red)).countAtMost(office, 1000)).isEqualTo(40);
        assertThat(red.read).isZero();
    }

    @Test
    void the_header_counts_no_further_than_it_shows_and_the_to_do_page_counts_each_kind_exactly() {
        Counted red = new Counted("70-red", 3, 124_000, "/supervision/ledger");
        Counted replies = new Counted("60-replies", 2, 2, null);
        TodoList todo = new TodoList(List.of(red, replies));

        assertThat(todo.countAtMost(office, 1000)).as("the header shows 999+").isEqualTo(1000);
        assertThat(red.askedAtMost).as("the red tasks counted to what the header still shows").isEqualTo(998);
        assertThat(red.counted).as("and not counted all").isZero();
        assertThat(todo.of(office)).extracting(TodoList.Group::total).containsExactly(2, 124_000);
        assertThat(red.counted).isEqualTo(1);
    }

    @Test
    void the_header_asks_no_kind_once_it_has_counted_what_it_shows() {
        Counted red = new Counted("70-red", 3, 124_000, "/supervision/ledger");
        Counted later = new Counted("80-later", 1, 5, "/later");
        assertThat(new TodoList(List.of(red, later)).countAtMost(office, 1000)).isEqualTo(1000);
        assertThat(later.askedAtMost).isZero();
    }

    @Test
    void the_header_and_the_to_do_page_read_a_listed_kind_once_in_a_request() {
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            Counted replies = new Counted("60-replies", 2, 2, null);
            TodoList todo = new TodoList(List.of(replies));
            assertThat(todo.countAtMost(office, 1000)).as("the header, first").isEqualTo(2);
            assertThat(todo.of(office)).extracting(TodoList.Group::total).containsExactly(2);
            assertThat(replies.read).as("its items read once, counted by the header").isEqualTo(1);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    private static List<TodoItem> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TodoItem((long) i, "一" + i, "任务" + i, null, null, "/tasks/" + i,
                "todo.action.supervise")).toList();
    }

    /** Lists its first {@code listed} of {@code total}. */
    private static final class Counted implements TodoSource {
        private final String kind;
        private final int listed;
        private final int total;
        private final String link;
        int read;
        int counted;
        int askedAtMost;

        Counted(String kind, int listed, int total, String link) {
            this.kind = kind;
            this.listed = listed;
            this.total = total;
            this.link = link;
        }

        public String kind() {
            return kind;
        }

        public boolean concerns(Caller caller) {
            return true;
        }

        public List<TodoItem> items(Caller caller) {
            read++;
            return TodoListTests.items(listed);
        }

        public int count(Caller caller) {
            counted++;
            return total;
        }

        public int countAtMost(Caller caller, int atMost) {
            askedAtMost = atMost;
            return Math.min(total, atMost);
        }

        public String everyItemLink() {
            return link;
        }
    }

    private record Listed(String kind, int n) implements TodoSource {
        public boolean concerns(Caller caller) {
            return true;
        }

        public List<TodoItem> items(Caller caller) {
            return TodoListTests.items(n);
        }
    }
}
