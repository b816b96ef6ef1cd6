package org.rectify.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code parse-plan FILE}: a plain static call, no Spring context, no database. */
class ParsePlanCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // a Latin-1 stream: the command must still write UTF-8
        return ParsePlanCommand.run(args, new PrintStream(out, true, StandardCharsets.ISO_8859_1),
            new PrintStream(err, true, StandardCharsets.ISO_8859_1));
    }

    private Path seed() throws IOException {
        Path f = dir.resolve("lincang-2018.txt");
        try (InputStream in = getClass().getResourceAsStream("/intake/lincang-2018.txt")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void prints_the_draft_of_the_seed_as_json_and_exits_0() throws IOException {
        assertThat(run("parse-plan", seed().toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode plan = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plan.get("title").asString()).isEqualTo("临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案");
        assertThat(plan.get("tasks")).hasSize(22);
        assertThat(plan.get("unresolved").isArray()).isTrue();
        assertThat(plan.get("warnings")).hasSize(2);

        JsonNode first = plan.get("tasks").get(0);
        assertThat(first.get("ref").asString()).isEqualTo("二(一)");
        assertThat(first.get("leadUnits").get(2).get("group").asBoolean()).isTrue();
        assertThat(first.get("leadUnits").get(0).get("unitId").isNull()).isTrue();
        assertThat(first.get("obligations").get(0).get("from").asString()).isEqualTo("2017-01-01");
        assertThat(first.get("obligations").get(0).get("per").asString()).isEqualTo("year");

        JsonNode greening = plan.get("tasks").get(8);
        assertThat(greening.get("ref").asString()).isEqualTo("四(一)");
        JsonNode green = greening.get("indicators").get(0);
        assertThat(green.get("comparator").asString()).isEqualTo(">=");
        assertThat(green.get("value").isIntegralNumber()).as("36, not 36.0").isTrue();
        assertThat(green.get("value").asInt()).isEqualTo(36);
        assertThat(green.get("due").asString()).isEqualTo("2020-12-31");
        assertThat(greening.get("deadlines").get(0).get("date").asString()).isEqualTo("2017-12-31");
        assertThat(greening.has("sourceStart")).isTrue();
        assertThat(plan.get("tasks").get(2).get("title").isNull()).as("二(三)1 has no heading phrase").isTrue();
    }

    @Test
    void the_output_is_pretty_printed() throws IOException {
        run("parse-plan", seed().toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\n").contains("\n  \"tasks\"");
    }

    @Test
    void a_missing_file_exits_2_with_one_line() {
        assertThat(run("parse-plan", dir.resolve("nope.txt").toString())).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("parse-plan: no such file").hasLineCount(1);
    }

    @Test
    void an_empty_or_blank_file_exits_2() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        assertThat(run("parse-plan", empty.toString())).isEqualTo(2);
        Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\u3000\n");
        assertThat(run("parse-plan", blank.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is empty").hasLineCount(2);
    }

    @Test
    void a_directory_or_a_broken_docx_exits_2() throws IOException {
        assertThat(run("parse-plan", dir.toString())).isEqualTo(2);
        Path broken = Files.write(dir.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 1, 2});
        assertThat(run("parse-plan", broken.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(2).contains("cannot read");
    }

    @Test
    void wrong_usage_exits_2_with_the_usage_line() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("parse-plan")).isEqualTo(2);
        assertThat(run("parse", "x.txt")).isEqualTo(2);
        assertThat(run("parse-plan", "a.txt", "b.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(4).allMatch(l -> l.startsWith("usage:"));
    }
}
