package org.rectify.intake;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.rectify.Demo;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.rectify.DemoLogins.office;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the intake tests share: the seed plan, drafts made through the pages, workbooks built with POI. */
final class IntakeSupport {

    static final String LINCANG = "临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案";

    private IntakeSupport() {
    }

    /** The 临沧 plan as the inspection's office published it (the seed of the project). */
    static String seed() {
        return Demo.seedText();
    }

    /** A small plan whose title is {@code title}, with tasks 一(一) and 一(二) led by {@code leadOfFirst} and 市环境保护局. */
    static String smallPlan(String title, String leadOfFirst) {
        return title + "\n\n"
                + "一、加强监管能力建设\n"
                + "（一）建立问题台账。2018年底前完成全部问题台账建设，逐项明确整改责任。（责任单位：" + leadOfFirst
                + "；配合单位：市财政局）\n"
                + "（二）开展专项检查。每季度至少开展1次专项检查，到2019年检查覆盖率达到100%。（责任单位：市环境保护局）\n";
    }

    /** Pastes a plan on the start page as the office; the id of the draft it makes. */
    static long paste(MockMvc mvc, String text, String planTitle) throws Exception {
        return paste(mvc, text, planTitle, office());
    }

    static long paste(MockMvc mvc, String text, String planTitle, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(multipart("/intake").param("text", text).param("planTitle", planTitle)
                        .with(who).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return idFrom(r.getResponse().getRedirectedUrl());
    }

    /** Uploads a file on the start page as the office; the id of the draft it makes. */
    static long upload(MockMvc mvc, String filename, byte[] content, String planTitle) throws Exception {
        MvcResult r = mvc.perform(multipart("/intake").file(new MockMultipartFile("file", filename,
                                MediaType.APPLICATION_OCTET_STREAM_VALUE, content))
                        .param("planTitle", planTitle == null ? "" : planTitle).with(office()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return idFrom(r.getResponse().getRedirectedUrl());
    }

    static long idFrom(String redirect) {
        if (redirect == null || !redirect.startsWith("/intake/drafts/")) {
            throw new AssertionError("expected a redirect to a draft, got " + redirect);
        }
        return Long.parseLong(redirect.substring("/intake/drafts/".length()));
    }

    /** The stored draft as the API gives it. */
    static String draft(MockMvc mvc, long id) throws Exception {
        return mvc.perform(get("/api/intake/drafts/{id}", id).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    /** The id of the draft's task with this ref. */
    static long taskId(String draftJson, String ref) {
        List<Number> ids = JsonPath.read(draftJson, "$.tasks[?(@.ref == '" + ref + "')].id");
        if (ids.isEmpty()) {
            throw new AssertionError("no task " + ref + " in the draft");
        }
        return ids.get(0).longValue();
    }

    static int taskVersion(String draftJson, String ref) {
        List<Number> versions = JsonPath.read(draftJson, "$.tasks[?(@.ref == '" + ref + "')].version");
        return versions.get(0).intValue();
    }

    // ---- documents

    /** A .docx: the title as a paragraph, then each table (rows of cells; a \n in a cell starts a paragraph). */
    static byte[] docx(String title, String[][]... tables) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(title);
            for (String[][] rows : tables) {
                XWPFTable t = doc.createTable(rows.length, rows[0].length);
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[r].length; c++) {
                        XWPFTableCell cell = t.getRow(r).getCell(c);
                        String[] paragraphs = rows[r][c].split("\n", -1);
                        cell.getParagraphs().get(0).createRun().setText(paragraphs[0]);
                        for (int p = 1; p < paragraphs.length; p++) {
                            cell.addParagraph().createRun().setText(paragraphs[p]);
                        }
                    }
                }
                doc.createParagraph(); // Word keeps two tables apart by a paragraph
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- workbooks

    static final String[] HEADER = {"序号", "反馈问题", "整改任务", "整改目标", "整改措施", "责任单位", "配合单位", "责任人",
            "整改时限", "完成情况"};

    /** A workbook with a title row, the header row and the given rows (each cell as text). */
    static byte[] breakdown(String title, String[] header, String[]... rows) {
        return xlsx(sheet -> {
            int r = 0;
            if (title != null) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
            }
            fill(sheet.createRow(r++), header);
            for (String[] row : rows) {
                fill(sheet.createRow(r++), row);
            }
        });
    }

    static void fill(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    static byte[] xlsx(Consumer<XSSFSheet> content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(wb.createSheet("任务分解"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
