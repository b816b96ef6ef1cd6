package org.rectify;

import org.rectify.audit.AuditVerifier;
import org.rectify.audit.VerifyAuditCommand;
import org.rectify.generator.GenerateCommand;
import org.rectify.generator.Generator;
import org.rectify.generator.GeneratorOptions;
import org.rectify.intake.ParsePlanCommand;
import org.rectify.platform.BackupCommand;
import org.rectify.platform.ClassDataTraining;
import org.rectify.platform.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

import java.time.Clock;
import java.time.LocalDate;

/**
 * rectify (整改督办平台). {@code java -jar rectify.jar} starts the web application;
 * {@code java -jar rectify.jar parse-plan FILE} only parses a plan and prints it, with no server or database;
 * {@code java -jar rectify.jar verify-audit} verifies the audit chain of the database;
 * {@code backup DIR} and {@code restore DIR} save and bring back the database and the evidence store;
 * {@code generate [options]} fills the database with a generated province.
 */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
public class RectifyApplication {

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length > 0 && "parse-plan".equals(args[0])) {
            System.exit(ParsePlanCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && VerifyAuditCommand.NAME.equals(args[0])) {
            System.exit(verifyAudit(args));
        }
        if (args.length > 0 && BackupCommand.NAME.equals(args[0])) {
            System.exit(BackupCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && RestoreCommand.NAME.equals(args[0])) {
            // the restored database must hold an intact audit chain before the restore says it succeeded
            System.exit(RestoreCommand.run(args, System.out, System.err, VerifyAuditCommand::check));
        }
        if (args.length > 0 && GenerateCommand.NAME.equals(args[0])) {
            System.exit(generate(args));
        }
        ConfigurableApplicationContext context = SpringApplication.run(RectifyApplication.class, ClassDataTraining.arguments(args));
        if (ClassDataTraining.isRun(context.getEnvironment())) {
            // a first login's classes too (templates, JSON, the ledger's statements); then the archive is written as
            // the JVM exits
            ClassDataTraining.signInAndBrowse(context.getEnvironment()).forEach(System.out::println);
            System.exit(SpringApplication.exit(context));
        }
    }

    private static int generate(String[] args) {
        if (GenerateCommand.options(args, System.err, LocalDate.EPOCH) == null) {
            return 2; // wrong options are told before anything starts
        }
        try (ConfigurableApplicationContext context = commandContext(args)) {
            // today in the offices' time zone, the clock's
            GeneratorOptions options = GenerateCommand.options(args, System.err, LocalDate.now(context.getBean(Clock.class)));
            return GenerateCommand.run(context.getBean(Generator.class), options, System.out, System.err);
        }
    }

    private static int verifyAudit(String[] args) {
        try (ConfigurableApplicationContext context = commandContext(args)) {
            return VerifyAuditCommand.run(context.getBean(AuditVerifier.class), System.out, System.err);
        }
    }

    /**
     * The application's database (migrated) for a command, without the jobs, the demo or republished events. The web
     * security configuration needs a servlet context, so one starts on a random loopback port and closes with it.
     */
    private static ConfigurableApplicationContext commandContext(String[] args) {
        return new SpringApplicationBuilder(RectifyApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(withArgs(args, "--db-scheduler.enabled=false", "--rectify.demo.enabled=false",
                        "--server.port=0", "--server.address=127.0.0.1",
                        "--rectify.events.republish-after-start=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
    }

    private static String[] withArgs(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
