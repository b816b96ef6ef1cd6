package org.rectify.intake.parser;

/** Something the reviewer should look at; {@code ref} is null for warnings about the whole plan. */
public record ParseWarning(String ref, String message) {
}
