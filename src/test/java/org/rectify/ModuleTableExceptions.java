package org.rectify;

import org.springframework.modulith.core.Violation;
import org.springframework.modulith.core.Violations;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that lists where a module still reads another module's generated tables, each with its reason.
 * Everything else a module does with another's {@code internal.db} fails {@link ModularityTests}. Remove an entry
 * (or a table of it) when its reads go through the owner's API; {@code ModularityTests} fails on one nothing needs
 * any more.
 */
final class ModuleTableExceptions {

    /** Module {@code module} may use these generated tables of {@code owner} (jOOQ class names), for a reason. */
    record Crossing(String module, String owner, Set<String> tables, String reason) {
    }

    private static final String GENERATOR = "the benchmark data writer bulk-COPYs rows into every table; it is"
            + " no part of the application's behaviour (the one documented, permanent exception)";

    static final List<Crossing> TOLERATED = List.of(
            new Crossing("generator", "access", Set.of("Account"), GENERATOR),
            new Crossing("generator", "units", Set.of("Unit"), GENERATOR),
            new Crossing("generator", "plans", Set.of("Milestone", "Plan", "Task", "TaskUnit"), GENERATOR),
            new Crossing("generator", "progress", Set.of("Evidence", "ProgressReport", "ReportAttachment", "ReportEvent",
                    "ReportSlot", "ReportingCadence", "ReportingCycle"), GENERATOR),
            new Crossing("generator", "supervision", Set.of("NoticeCounter", "SupervisionNotice", "TaskWarning",
                    "WarningChange"), GENERATOR));

    /** Modulith's two wordings: without allowedDependencies ("non-exposed type"), and with them ("via A -> B"). */
    private static final Pattern TABLE_USE = Pattern.compile("^Module '(\\w+)' depends on"
            + " (?:non-exposed type|module '\\w+' via \\S+ ->)"
            + " org\\.rectify\\.(\\w+)\\.internal\\.db\\.(?:tables\\.(?:records\\.)?)?(\\w+)[ .]");

    private ModuleTableExceptions() {
    }

    /** Whether a violation is a tolerated use of another module's generated tables (never any other violation). */
    static boolean allows(Violation violation) {
        return crossing(violation) != null;
    }

    /**
     * The tolerated tables no violation needs any more ("module -> owner.Table"): a crossing is listed table by table,
     * so a table whose reads moved to the owner's API leaves the list too.
     */
    static List<String> unused(Violations all) {
        Set<String> used = all.getMessages().stream().map(TABLE_USE::matcher).filter(Matcher::find)
                .map(m -> name(m.group(1), m.group(2), table(m))).collect(Collectors.toSet());
        return TOLERATED.stream().flatMap(c -> c.tables().stream().sorted().map(t -> name(c.module(), c.owner(), t)))
                .filter(name -> !used.contains(name)).toList();
    }

    private static Crossing crossing(Violation violation) {
        Matcher m = TABLE_USE.matcher(violation.getMessage());
        if (!m.find()) {
            return null;
        }
        String table = table(m);
        boolean holder = Set.of("Tables", "Keys", "Indexes", "Public", "DefaultCatalog").contains(table);
        return TOLERATED.stream().filter(c -> c.module().equals(m.group(1)) && c.owner().equals(m.group(2)))
                .filter(c -> holder || c.tables().contains(table)).findFirst().orElse(null);
    }

    /** The generated table's class name of a matched use (its record's name without "Record"). */
    private static String table(Matcher m) {
        return m.group(3).endsWith("Record") ? m.group(3).substring(0, m.group(3).length() - 6) : m.group(3);
    }

    private static String name(String module, String owner, String table) {
        return module + " -> " + owner + "." + table;
    }
}
