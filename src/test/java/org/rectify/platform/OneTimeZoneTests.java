package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offices' time zone is one setting ({@code rectify.time-zone}, the clock's zone): no code or template names a
 * zone of its own, and templates show moments through {@link Times}.
 */
class OneTimeZoneTests {

    private static final Path MAIN = Path.of("src/main");
    /** The one place the default is written. */
    private static final Path ALLOWED = Path.of("java/org/rectify/platform/ClockConfiguration.java");
    /** Migrations already applied cannot change (V13 dates replies in the zone of its day). */
    private static final Path MIGRATIONS = Path.of("resources/db/migration");

    @Test
    void no_source_or_template_names_the_default_zone_but_the_clock_configuration() throws IOException {
        assertThat(filesContaining(MAIN, "Asia/Shanghai")).isEmpty();
    }

    @Test
    void no_source_or_template_makes_a_zone_of_its_own() throws IOException {
        assertThat(filesContaining(MAIN, "ZoneId.of(")).as("zones come from the clock (clock.getZone(), @times)").isEmpty();
        assertThat(filesContaining(MAIN, "T(java.time.ZoneId)")).isEmpty();
    }

    @Test
    void the_check_finds_a_zone_written_into_a_template_but_not_the_default_or_a_migration(@TempDir Path main)
            throws IOException {
        Path template = write(main.resolve("resources/templates/x.html"),
                "<span th:text=\"${x.atZone(T(java.time.ZoneId).of('Asia/Shanghai'))}\">");
        write(main.resolve(ALLOWED), "static final String DEFAULT_ZONE = \"Asia/Shanghai\";");
        write(main.resolve(MIGRATIONS).resolve("V1__x.sql"), "select now() at time zone 'Asia/Shanghai';");
        assertThat(filesContaining(main, "Asia/Shanghai")).containsExactly(template);
    }

    @Test
    void a_moment_is_shown_on_the_wall_clock_of_the_configured_zone() {
        Instant moment = Instant.parse("2026-12-01T02:30:00Z");
        Times berlin = new Times(Clock.fixed(moment, ZoneId.of("Europe/Berlin")));
        assertThat(berlin.local(moment).toLocalDateTime()).hasToString("2026-12-01T03:30");
        assertThat(berlin.local(moment.atOffset(ZoneOffset.UTC)).toLocalDateTime()).hasToString("2026-12-01T03:30");
        assertThat(berlin.local((OffsetDateTime) null)).isNull();

        Times byDefault = new Times(new ClockConfiguration().clock(ClockConfiguration.DEFAULT_ZONE));
        assertThat(byDefault.local(moment).toLocalDateTime()).hasToString("2026-12-01T10:30");
    }

    @Test
    void a_zone_that_does_not_exist_stops_the_start_with_the_setting_named() {
        assertThatThrownBy(() -> new ClockConfiguration().clock("Asia/Lincang"))
                .hasMessageContaining("rectify.time-zone=Asia/Lincang");
    }

    private static List<Path> filesContaining(Path main, String text) throws IOException {
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(main.resolve(MIGRATIONS)) && !p.equals(main.resolve(ALLOWED)))
                    .filter(p -> p.toString().matches(".*\\.(java|html|properties|js|sql|xml|yml|yaml)$"))
                    .filter(p -> contains(p, text))
                    .toList();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
