package org.rectify.generator;

import java.time.LocalDate;

/**
 * The shape and size of a generated province. Every value has a default; {@code today} anchors the five years of
 * deadlines and reports (pass it to get the same data on another day).
 */
public record GeneratorOptions(int cities, int counties, int departments, int townships, int tasks, int reportsPerTask,
                               long seed, boolean append, String password, LocalDate today) {

    public static final int MAX_TOWNSHIPS = 5_000;

    public GeneratorOptions {
        require(cities >= 1 && cities <= 100, "--cities must be between 1 and 100");
        require(counties >= 1 && counties <= 50, "--counties must be between 1 and 50");
        require(departments >= 1 && departments <= ChineseText.DEPARTMENTS, "--departments must be between 1 and " + ChineseText.DEPARTMENTS);
        require(townships >= 0 && townships <= MAX_TOWNSHIPS, "--townships must be between 0 and " + MAX_TOWNSHIPS);
        require(tasks >= 1 && tasks <= 10_000_000, "--tasks must be between 1 and 10,000,000");
        // deadlines reach back two years and reporting five, so 36 monthly cycles lie behind every task
        require(reportsPerTask >= 0 && reportsPerTask <= 36, "--reports-per-task must be between 0 and 36");
        require(password == null || password.length() >= 10, "--password must have at least 10 characters");
        require(today != null, "--today is needed");
    }

    public static GeneratorOptions defaults(LocalDate today) {
        return new GeneratorOptions(20, 9, 4, 0, 100_000, 10, 1, false, null, today);
    }

    /** {@code --name=value} options (and a bare {@code --append}); others are left to Spring Boot. */
    public static GeneratorOptions parse(String[] args, LocalDate today) {
        GeneratorOptions o = defaults(today);
        int cities = o.cities, counties = o.counties, departments = o.departments, townships = o.townships;
        int tasks = o.tasks, reports = o.reportsPerTask;
        long seed = o.seed;
        boolean append = false;
        String password = null;
        LocalDate day = today;
        for (String arg : args) {
            if (arg.equals("--append")) {
                append = true;
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                continue;
            }
            String name = arg.substring(2, eq), value = arg.substring(eq + 1);
            try {
                switch (name) {
                    case "cities" -> cities = Integer.parseInt(value);
                    case "counties" -> counties = Integer.parseInt(value);
                    case "departments" -> departments = Integer.parseInt(value);
                    case "townships" -> townships = Integer.parseInt(value);
                    case "tasks" -> tasks = Integer.parseInt(value.replace("_", "").replace(",", ""));
                    case "reports-per-task" -> reports = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "password" -> password = value;
                    case "today" -> day = LocalDate.parse(value);
                    default -> { } // a Spring Boot setting such as --rectify.data-dir
                }
            } catch (NumberFormatException | java.time.format.DateTimeParseException bad) {
                throw new IllegalArgumentException("--" + name + " must be " + (name.equals("today") ? "a date like 2026-12-01" : "a whole number") + ", not \"" + value + "\"");
            }
        }
        return new GeneratorOptions(cities, counties, departments, townships, tasks, reports, seed, append, password, day);
    }

    public GeneratorOptions withAppend(boolean append) {
        return new GeneratorOptions(cities, counties, departments, townships, tasks, reportsPerTask, seed, append, password, today);
    }

    public GeneratorOptions withSeed(long seed) {
        return new GeneratorOptions(cities, counties, departments, townships, tasks, reportsPerTask, seed, append, password, today);
    }

    private static void require(boolean ok, String sentence) {
        if (!ok) {
            throw new IllegalArgumentException(sentence + ".");
        }
    }
}
