package org.rectify;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rule "a module's tables are its own" is checked by Spring Modulith because the codegen puts each module's
 * tables into its {@code internal.db} package. These tests show the check bites, on two tiny fixture applications
 * (test classes, so imported with an option that keeps them).
 */
class ModuleTablesTests {

    private static final ImportOption EVERYTHING = location -> true;

    @Test
    void a_module_that_reads_another_modules_generated_table_fails_verification_naming_the_table() {
        var planted = ApplicationModules.of("fixture.boundary.planted", EVERYTHING);

        assertThatThrownBy(planted::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'consumer' depends on non-exposed type")
                .hasMessageContaining("fixture.boundary.planted.owner.internal.db.OwnerTable");
    }

    @Test
    void the_tolerated_crossings_do_not_cover_a_planted_one() {
        var planted = ApplicationModules.of("fixture.boundary.planted", EVERYTHING);

        assertThat(planted.detectViolations().filter(v -> !ModuleTableExceptions.allows(v)).hasViolations()).isTrue();
    }

    @Test
    void a_module_that_uses_the_owners_api_and_published_view_passes() {
        ApplicationModules.of("fixture.boundary.clean", EVERYTHING).verify();
    }
}
