package org.rectify.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which page a list shows: no page -1, no page past the end, no size the lists do not offer. */
class PagingTests {

    @Test
    void a_page_below_the_first_is_the_first_and_a_size_not_offered_is_the_default() {
        Paging p = Paging.of(-1, 37);
        assertThat(p.page()).isZero();
        assertThat(p.size()).isEqualTo(Paging.DEFAULT_SIZE);
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.of(2, 20)).isEqualTo(new Paging(2, 20));
        assertThat(Paging.of(0, 5000).size()).isEqualTo(50);
    }

    @Test
    void a_page_past_the_end_reads_the_last_page_and_says_so() {
        List<Paging> asked = new ArrayList<>();
        ListPage<Integer> page = Paging.of(99, 20).fetch(45, p -> {
            asked.add(p);
            return List.of(41, 42, 43, 44, 45);
        });
        assertThat(asked).containsExactly(new Paging(2, 20));
        assertThat(page.page()).isEqualTo(2);
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isTrue();
        assertThat(asked.get(0).offset()).isEqualTo(40);
    }

    @Test
    void an_empty_list_has_one_page_and_reads_nothing() {
        ListPage<Integer> page = Paging.of(3, 20).fetch(0, p -> {
            throw new AssertionError("nothing to read");
        });
        assertThat(page.rows()).isEmpty();
        assertThat(page.page()).isZero();
        assertThat(page.pages()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isFalse();
    }
}
