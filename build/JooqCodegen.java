import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes the way production sees the schema: the Flyway migrations applied to a
 * real PostgreSQL (the embedded one), then read back. Run by Maven in generate-sources:
 * {@code java -cp <compile classpath> build/JooqCodegen.java <migrations dir> <target dir>}.
 * Skips the work while the migrations are unchanged (a digest of them is kept beside the output).
 */
public class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Path stamp = target.resolve(".migrations.sha256");
        String digest = digest(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[jooq-codegen] migrations unchanged, generated classes kept");
            return;
        }
        quietLogging();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .placeholders(java.util.Map.of("app_role", "postgres")) // one role: no grants to generate
                    .load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres")).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withIncludeRoutines(false)
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true)
                                    .withPojos(false).withDaos(false).withFluentSetters(true))
                            .withTarget(new Target().withPackageName("org.rectify.db")
                                    .withDirectory(target.toString()))));
        }
        Files.writeString(stamp, digest);
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                md.update(f.getFileName().toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
