package org.rectify;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RectifyApplication.class);

    @Test
    void modules_only_use_each_others_api_and_have_no_cycles() {
        modules.verify();
    }

    @Test
    void the_modules_of_the_design_exist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("units", "access", "plans", "intake", "demo", "platform");
    }

    @Test
    void writes_the_module_diagram_the_readme_links() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
