package org.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module diagram the README links (PlantUML, one overview and one per module). Run by the build in the
 * verify phase ({@code exec:exec@module-diagram}), not by a test: a normal test run leaves the tracked files alone.
 */
public final class ModuleDiagram {

    private ModuleDiagram() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs/modules");
        new Documenter(ApplicationModules.of(RectifyApplication.class),
                Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.toString().endsWith(".puml")).forEach(ModuleDiagram::sortRelations);
        }
    }

    /** The documenter writes relations in a different order from run to run; sorted, an unchanged diagram stays unchanged. */
    private static void sortRelations(Path file) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("Rel(")) {
                    at.add(i);
                }
            }
            List<String> relations = at.stream().map(lines::get).sorted().toList();
            for (int i = 0; i < at.size(); i++) {
                lines.set(at.get(i), relations.get(i));
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
