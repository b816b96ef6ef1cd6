package org.rectify.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every UI string is in the bundles, and the Chinese and English bundles have the same keys. */
class MessageBundlesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");

    @Test
    void every_bundle_has_the_same_keys_in_chinese_and_english() throws IOException {
        for (String basename : bundles()) {
            Set<String> zh = keys(RESOURCES.resolve(basename + ".properties"));
            Set<String> en = keys(RESOURCES.resolve(basename + "_en.properties"));
            assertThat(en).as("keys of %s_en that %s lacks, and the reverse", basename, basename)
                    .containsExactlyInAnyOrderElementsOf(zh);
        }
    }

    @Test
    void every_message_a_template_names_exists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : bundles()) {
            known.addAll(keys(RESOURCES.resolve(basename + ".properties")));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = MESSAGE_EXPRESSION.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1) + " in " + RESOURCES.relativize(template));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void a_message_with_arguments_doubles_its_apostrophes_so_none_is_swallowed() throws IOException {
        // MessageFormat reads a lone ' as a quote: "the task's {0}" would show as "the tasks {0}"
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        Set<String> swallowed = new TreeSet<>();
        for (String basename : bundles()) {
            for (String suffix : new String[] {"", "_en"}) {
                Properties bundle = load(RESOURCES.resolve(basename + suffix + ".properties"));
                for (String key : bundle.stringPropertyNames()) {
                    String text = bundle.getProperty(key);
                    if (text.matches("(?s).*\\{\\d.*") && loneApostrophe.matcher(text).find()) {
                        swallowed.add(basename + suffix + ": " + key);
                    }
                }
            }
        }
        assertThat(swallowed).isEmpty();
    }

    /** The basenames the application is configured with. */
    private static Set<String> bundles() throws IOException {
        Properties app = load(RESOURCES.resolve("application.properties"));
        Set<String> names = new TreeSet<>();
        for (String name : app.getProperty("spring.messages.basename").split(",")) {
            if (Files.exists(RESOURCES.resolve(name.strip() + ".properties"))) {
                names.add(name.strip());
            }
        }
        assertThat(names).contains("messages");
        return names;
    }

    private static Set<String> keys(Path file) throws IOException {
        assertThat(file).exists();
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
