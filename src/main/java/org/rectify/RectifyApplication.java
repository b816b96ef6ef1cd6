package org.rectify;

import org.rectify.intake.ParsePlanCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * rectify (整改督办平台). {@code java -jar rectify.jar} starts the web application;
 * {@code java -jar rectify.jar parse-plan FILE} only parses a plan and prints it, with no server or database.
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
        SpringApplication.run(RectifyApplication.class, args);
    }
}
