package org.rectify;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A slow test (a browser, a forked JVM or its own PostgreSQL, a second app node, ~100,000 rows): tagged {@code slow}
 * so that {@code ./mvnw test -DexcludedGroups=slow} runs the fast set alone. {@code ./mvnw verify} and CI run all.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("slow")
public @interface SlowTest {
}
