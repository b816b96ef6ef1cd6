package org.rectify;

import org.rectify.intake.ParsePlanCommand;
import org.rectify.platform.BackupCommand;
import org.rectify.platform.RestoreCheck;
import org.rectify.platform.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * rectify (整改督办平台). {@code java -jar rectify.jar} starts the web application;
 * {@code java -jar rectify.jar parse-plan FILE} only parses a plan and prints it, with no server or database;
 * {@code backup DIR} and {@code restore DIR} save and bring back the database and the evidence store.
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
        if (args.length > 0 && BackupCommand.NAME.equals(args[0])) {
            System.exit(BackupCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && RestoreCommand.NAME.equals(args[0])) {
            // hook: after the merge, pass the audit chain's verifier (verify-audit) instead of NONE
            System.exit(RestoreCommand.run(args, System.out, System.err, RestoreCheck.NONE));
        }
        SpringApplication.run(RectifyApplication.class, args);
    }
}
