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

    /** A screen reader reads an empty header as nothing: a column of buttons gets a (visually hidden) header. */
    @Test
    void no_table_header_is_left_empty() throws IOException {
        Pattern emptyHeader = Pattern.compile("<th(\\s[^>]*)?>\\s*</th>");
        Set<String> empty = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = emptyHeader.matcher(Files.readString(template));
                while (m.find()) {
                    if (m.group(1) == null || !m.group(1).contains("th:text")) {
                        empty.add(RESOURCES.relativize(template) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(empty).isEmpty();
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

    @Test
    void no_english_text_writes_a_count_with_s_in_brackets() throws IOException {
        Set<String> bracketed = new TreeSet<>();
        for (String basename : bundles()) {
            Properties bundle = load(RESOURCES.resolve(basename + "_en.properties"));
            bundle.stringPropertyNames().stream().filter(k -> bundle.getProperty(k).contains("(s)"))
                    .forEach(k -> bracketed.add(basename + "_en: " + k));
        }
        assertThat(bracketed).isEmpty();
    }

    /** English chooses the word by the count (MessageFormat's choice); Chinese needs none. */
    @Test
    void a_count_is_written_as_each_language_writes_it() throws IOException {
        assertThat(format("i18n/supervision_en", "supervision.reminder.behind", 1)).isEqualTo("1 day late");
        assertThat(format("i18n/supervision_en", "supervision.reminder.behind", 3)).isEqualTo("3 days late");
        assertThat(format("i18n/supervision", "supervision.reminder.behind", 1)).isEqualTo("逾期1天");
        assertThat(format("i18n/closure_en", "closure.objectionsOpen", 1))
                .isEqualTo("1 objection is still unanswered; answer it before closing.");
        assertThat(format("i18n/closure_en", "closure.objectionsOpen", 2))
                .isEqualTo("2 objections are still unanswered; answer them before closing.");
        assertThat(format("i18n/lookback_en", "lookback.campaign.started", 0)).isEqualTo("Campaign started over 0 tasks.");
        assertThat(format("i18n/progress_en", "progress.task.cycleSummary", "2018-03-25", 1)).isEqualTo("Cycle due 2018-03-25 · 1 version");
        // an inbox message keeps its arguments as text: the days come back as a number for the choice
        var reminder = new org.rectify.notify.InboxMessage(1, "REMINDER_REPORT_DUE", "notify.reminder.REPORT_DUE.behind",
                java.util.List.of("临沧2018·二(一)", "任务", "2018-03-25", "1"), "/progress/due", null, null);
        assertThat(format("i18n/notify_en", reminder.messageKey(), reminder.formatArgs()))
                .isEqualTo("The progress report on task \"临沧2018·二(一) 任务\" was due on 2018-03-25 and is 1 day late.");
        // every English text formats with a count in each of its arguments
        for (String basename : bundles()) {
            Properties bundle = load(RESOURCES.resolve(basename + "_en.properties"));
            for (String key : bundle.stringPropertyNames()) {
                if (bundle.getProperty(key).contains(",choice,")) {
                    for (int n : new int[]{0, 1, 2, 12}) {
                        assertThat(format(basename + "_en", key, n, n, n, n, n)).as(key).doesNotContain("{");
                    }
                }
            }
        }
    }

    private static String format(String bundle, String key, Object... args) throws IOException {
        String text = load(RESOURCES.resolve(bundle + ".properties")).getProperty(key);
        assertThat(text).as(key).isNotNull();
        return new java.text.MessageFormat(text, bundle.endsWith("_en") ? java.util.Locale.ENGLISH : java.util.Locale.SIMPLIFIED_CHINESE)
                .format(args);
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
