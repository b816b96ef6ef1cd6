package org.rectify.platform;

import org.springframework.core.env.PropertyResolver;

/**
 * The training run of the class-data archive (start-up, issue 14; {@code bin/rectify} makes it): the application
 * starts as usual, every class a start needs is loaded, and then it stops at once, so that the JVM's
 * {@code -XX:ArchiveClassesAtExit} writes them into the archive the next starts map instead of reading and verifying
 * them again. Asked for with {@code --rectify.class-data-training=true}, on a throw-away database.
 */
public final class ClassDataTraining {

    public static final String PROPERTY = "rectify.class-data-training";

    private ClassDataTraining() {
    }

    /** Whether this start is a training run that stops as soon as it has started. */
    public static boolean isRun(PropertyResolver settings) {
        return settings.getProperty(PROPERTY, Boolean.class, false);
    }
}
