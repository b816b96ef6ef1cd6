package org.rectify.units;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitPathsTests {

    @Test
    void a_path_and_the_paths_above_it_run_from_the_root_down_to_the_path_itself() {
        assertThat(UnitPaths.andAbove("/1/4/9/")).containsExactly("/1/", "/1/4/", "/1/4/9/");
        assertThat(UnitPaths.andAbove("/1/")).containsExactly("/1/");
        assertThat(UnitPaths.andAbove("/12/345/")).containsExactly("/12/", "/12/345/");
    }

    @Test
    void a_subtrees_upper_bound_is_the_first_path_after_every_path_below_it() {
        assertThat(UnitPaths.upperBound("/1/4/")).isEqualTo("/1/40");
        assertThat("/1/4/9/").isLessThan(UnitPaths.upperBound("/1/4/"));
        assertThat("/1/40/").isGreaterThanOrEqualTo(UnitPaths.upperBound("/1/4/"));
    }
}
