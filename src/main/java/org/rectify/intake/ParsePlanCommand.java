package org.rectify.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.KnownUnitsResolver;
import org.rectify.intake.parser.PlanParser;
import org.rectify.intake.parser.PlanText;
import org.rectify.intake.parser.UnitResolver;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar rectify.jar parse-plan FILE}: prints the draft plan of FILE as JSON, without starting
 * the web server or a database. Exit 0 on success, 2 (with a one-line message) for wrong usage or a
 * missing, unreadable or empty file. Units are resolved against the bundled demo unit list when present.
 */
public final class ParsePlanCommand {

    public static final String NAME = "parse-plan";

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private ParsePlanCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args == null || args.length != 2 || !NAME.equals(args[0]) || args[1].isBlank()) {
            return fail(err, "usage: parse-plan FILE (a .txt or .docx plan)");
        }
        Path file;
        try {
            file = Paths.get(args[1]);
        } catch (RuntimeException bad) {
            return fail(err, "parse-plan: not a valid path: " + args[1]);
        }
        String text;
        try {
            if (Files.isDirectory(file)) {
                return fail(err, "parse-plan: " + file + " is a directory, not a plan file");
            }
            text = PlanText.read(file);
        } catch (NoSuchFileException missing) {
            return fail(err, "parse-plan: no such file: " + file);
        } catch (IOException | RuntimeException unreadable) {
            return fail(err, "parse-plan: cannot read " + file + ": " + oneLine(unreadable.getMessage()));
        }
        if (text.isBlank()) {
            return fail(err, "parse-plan: " + file + " is empty");
        }
        DraftPlan plan = new PlanParser().parse(text, knownUnits(err));
        byte[] json = (JSON.writeValueAsString(plan) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(json, 0, json.length); // bytes, so the output is UTF-8 whatever the platform encoding
        out.flush();
        return 0;
    }

    /** The demo unit list bundled as resources, if the build has one; otherwise nothing resolves. */
    static UnitResolver knownUnits(PrintStream err) {
        try (InputStream units = ParsePlanCommand.class.getResourceAsStream("/demo/units.csv");
             InputStream groups = ParsePlanCommand.class.getResourceAsStream("/demo/unit-groups.csv")) {
            if (units == null && groups == null) {
                return UnitResolver.NONE;
            }
            return KnownUnitsResolver.fromCsv(reader(units), reader(groups));
        } catch (IOException | RuntimeException broken) {
            // a broken demo list must not stop the parse: everything is then listed as unresolved
            err.println("parse-plan: ignoring the bundled unit list: " + oneLine(broken.getMessage()));
            return UnitResolver.NONE;
        }
    }

    private static Reader reader(InputStream in) {
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static int fail(PrintStream err, String message) {
        byte[] line = (message + "\n").getBytes(StandardCharsets.UTF_8);
        err.write(line, 0, line.length);
        err.flush();
        return 2;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").strip();
    }
}
