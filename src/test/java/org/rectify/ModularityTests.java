package org.rectify;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RectifyApplication.class);

    @Test
    void modules_only_use_each_others_api_and_tables_only_their_own_and_have_no_cycles() {
        // Each module's jOOQ tables live in its internal package, so verify() refuses another module's use of them;
        // the crossings still tolerated are listed, with their reasons, in ModuleTableExceptions.
        modules.detectViolations().filter(v -> !ModuleTableExceptions.allows(v)).throwIfPresent();
    }

    @Test
    void every_tolerated_table_is_still_read_so_the_list_shrinks_when_one_is_fixed() {
        var all = modules.detectViolations();
        assertThat(ModuleTableExceptions.unused(all)).isEmpty();
    }

    @Test
    void the_modules_of_the_design_exist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrder("units", "access", "plans", "intake", "progress", "supervision", "closure",
                        "notify", "insight", "audit", "platform", "todo", "demo", "generator");
    }
}
