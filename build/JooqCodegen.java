import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes the way production sees the schema: the Flyway migrations applied to a
 * real PostgreSQL (the embedded one), then read back. Run by Maven in generate-sources:
 * {@code java -cp <compile classpath> build/JooqCodegen.java <migrations dir> <target dir> <ownership map>}.
 * Each module's tables go into {@code org.rectify.<module>.internal.db} (one generator run per module on the same
 * migrated database), the views it publishes as API into {@code org.rectify.<module>.api}; the ownership map
 * ({@code build/module-tables.properties}) must name every table and view once. Skips the work while the
 * migrations, the map and the enum columns are unchanged (a digest of them is kept beside the output).
 */
public class JooqCodegen {

    /**
     * Text columns holding one of a fixed set of names (a CHECK constraint in the migrations), read and written as
     * the Java enum of that name through jOOQ's EnumConverter: "table.column" to the enum type.
     */
    private static final Map<String, String> ENUM_COLUMNS = new java.util.TreeMap<>(Map.of(
            "task_unit.role", "org.rectify.plans.UnitRole",
            "plans_task_unit.role", "org.rectify.plans.UnitRole",
            "task_open_duty.role", "org.rectify.plans.UnitRole",
            "task_open_duty_count.role", "org.rectify.plans.UnitRole",
            "report_slot.state", "org.rectify.progress.ReportState",
            "progress_report.status", "org.rectify.progress.VersionStatus",
            "report_event.action", "org.rectify.progress.ReportStep"));

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Path ownershipFile = Path.of(args[2]);
        Path stamp = target.resolve(".migrations.sha256");
        String digest = digest(migrations, ownershipFile);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated classes kept");
            return;
        }
        Map<String, List<String>> owners = owners(ownershipFile);
        quietLogging();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .placeholders(Map.of("app_role", "postgres")) // one role: no grants to generate
                    .load().migrate();
            checkEveryRelationOwnedOnce(pg, owners);
            deleteOldOutput(target);
            for (var entry : owners.entrySet()) {
                String[] key = entry.getKey().split("\\.");
                if (key[0].equals("none")) {
                    continue;
                }
                String pkg = key.length == 1 ? "org.rectify." + key[0] + ".internal.db" : "org.rectify." + key[0] + ".api";
                generate(pg, entry.getValue(), pkg, target);
            }
        }
        Files.writeString(stamp, digest);
    }

    private static void generate(EmbeddedPostgres pg, List<String> relations, String pkg, Path target) throws Exception {
        GenerationTool.generate(new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                        .withUrl(pg.getJdbcUrl("postgres", "postgres")).withUser("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withIncludeRoutines(false)
                                .withForcedTypes(enumColumns(relations))
                                .withIncludes(relations.stream().collect(Collectors.joining("|", "^(", ")$"))))
                        .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                .withPojos(false).withDaos(false).withFluentSetters(true))
                        .withTarget(new Target().withPackageName(pkg).withDirectory(target.toString()))));
    }

    /** The enum columns of these relations (only theirs: jOOQ warns of a forced type a run does not use). */
    private static List<ForcedType> enumColumns(List<String> relations) {
        return ENUM_COLUMNS.entrySet().stream()
                .filter(e -> relations.contains(e.getKey().substring(0, e.getKey().indexOf('.'))))
                .map(e -> new ForcedType().withUserType(e.getValue()).withEnumConverter(true)
                        .withIncludeExpression(".*\\." + e.getKey().replace(".", "\\.")))
                .toList();
    }

    /** The map in file order: "module" (its tables) or "module.api" (its published views) to relation names. */
    private static Map<String, List<String>> owners(Path file) throws Exception {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            List<String> names = new ArrayList<>();
            for (String name : props.getProperty(key).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
            owners.put(key, names);
        }
        return owners;
    }

    /** A table no module owns, or two modules claim, would end up nowhere or twice: refuse it here. */
    private static void checkEveryRelationOwnedOnce(EmbeddedPostgres pg, Map<String, List<String>> owners) throws Exception {
        Set<String> inSchema = new TreeSet<>();
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rs.next()) {
                inSchema.add(rs.getString(1));
            }
        }
        Map<String, String> ownerOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        owners.forEach((owner, names) -> names.forEach(name -> {
            String before = ownerOf.put(name, owner);
            if (before != null) {
                problems.add(name + " is claimed by " + before + " and " + owner);
            }
            if (!inSchema.contains(name)) {
                problems.add(name + " (" + owner + ") is not in the schema");
            }
        }));
        inSchema.stream().filter(name -> !ownerOf.containsKey(name))
                .forEach(name -> problems.add(name + " has no owner: add it to the module that writes it"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("build/module-tables.properties: " + String.join("; ", problems));
        }
    }

    private static void deleteOldOutput(Path target) throws Exception {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(target)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static String digest(Path dir, Path ownershipFile) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(ownershipFile));
        md.update(ENUM_COLUMNS.toString().getBytes()); // a changed mapping regenerates too
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                md.update(f.getFileName().toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
