package org.rectify.plans;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ledger row's lead units, each name once where it first comes: the same list the set of names gave. */
class DistinctNamesTests {

    /** What the ledger did before names were compared pairwise. */
    private static List<String> throughASet(String[] names) {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(names)));
    }

    @Test
    void names_repeated_or_not_come_once_in_the_order_they_first_come() {
        assertThat(TaskDetail.distinctNames(null)).isEmpty();
        assertThat(TaskDetail.distinctNames(new String[0])).isEmpty();
        assertThat(TaskDetail.distinctNames(new String[]{"临翔区人民政府"})).containsExactly("临翔区人民政府");
        assertThat(TaskDetail.distinctNames(new String[]{"市生态环境局", "市林草局", "市生态环境局"}))
                .containsExactly("市生态环境局", "市林草局");
        Random random = new Random(14);
        String[] pool = {"甲", "乙", "丙", "丁", "戊", "己", "庚"};
        for (int n = 0; n < 40; n++) { // up to 40 names: both the pairwise and the set way
            for (int round = 0; round < 50; round++) {
                String[] names = new String[n];
                for (int i = 0; i < n; i++) {
                    names[i] = n > 20 ? "单位" + random.nextInt(30) : pool[random.nextInt(pool.length)];
                }
                List<String> distinct = TaskDetail.distinctNames(names);
                assertThat(distinct).as(Arrays.toString(names)).isEqualTo(throughASet(names));
                assertThatThrownBy(() -> distinct.add("x")).as("unchangeable, as before")
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Test
    void a_missing_name_is_refused_as_before() {
        List<String[]> withNull = new ArrayList<>();
        withNull.add(new String[]{null});
        withNull.add(new String[]{"甲", null, "甲"});
        for (String[] names : withNull) {
            assertThatThrownBy(() -> throughASet(names)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> TaskDetail.distinctNames(names)).isInstanceOf(NullPointerException.class);
        }
    }
}
