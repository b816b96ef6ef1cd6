package org.rectify;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module diagram the README links (PlantUML, one overview and one per module). Run by the build in the
 * verify phase ({@code exec:exec@module-diagram}), not by a test: a normal test run leaves the tracked files alone.
 */
public final class ModuleDiagram {

    private ModuleDiagram() {
    }

    public static void main(String[] args) {
        new Documenter(ApplicationModules.of(RectifyApplication.class),
                Documenter.Options.defaults().withOutputFolder(args.length > 0 ? args[0] : "docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
