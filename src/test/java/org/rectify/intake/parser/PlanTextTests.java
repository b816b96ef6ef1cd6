package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTextTests {

    @TempDir
    Path dir;

    @Test
    void utf8_text_loses_its_byte_order_mark() throws IOException {
        Path f = dir.resolve("plan.txt");
        Files.write(f, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "一、任务".getBytes(StandardCharsets.UTF_8)));
        assertThat(PlanText.read(f)).isEqualTo("一、任务");
    }

    @Test
    void gbk_text_is_read_when_the_bytes_are_not_utf8() throws IOException {
        Path f = dir.resolve("plan.txt");
        Files.write(f, "（一）强化决策部署。（责任单位：市委办公室）".getBytes(Charset.forName("GBK")));
        assertThat(PlanText.read(f)).isEqualTo("（一）强化决策部署。（责任单位：市委办公室）");
    }

    @Test
    void a_docx_is_read_paragraph_by_paragraph_and_parses_like_text() throws IOException {
        Path f = dir.resolve("plan.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("某市整改方案");
            doc.createParagraph().createRun().setText("一、任务");
            doc.createParagraph().createRun().setText("（一）强化决策部署。2017年底前完成。（责任单位：市委办公室）");
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("序号");
            table.getRow(0).getCell(1).setText("反馈问题");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            Files.write(f, out.toByteArray());
        }
        String text = PlanText.read(f);
        assertThat(text).startsWith("某市整改方案\n一、任务\n（一）强化决策部署。").contains("序号\t反馈问题");
        DraftPlan plan = Plans.parse(text);
        assertThat(plan.title()).isEqualTo("某市整改方案");
        assertThat(plan.tasks()).singleElement().satisfies(t -> {
            assertThat(t.ref()).isEqualTo("一(一)");
            assertThat(t.deadlines()).extracting(d -> d.date().toString()).containsExactly("2017-12-31");
        });
    }

    @Test
    void a_broken_docx_is_an_io_error() throws IOException {
        Path f = dir.resolve("broken.docx");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        assertThatThrownBy(() -> PlanText.read(f)).isInstanceOf(IOException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
