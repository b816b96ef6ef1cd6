package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.office;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Decompression bombs: small files that unpack to millions of paragraphs, rows or cells are refused with a 422
 * and a sentence before POI builds anything, with little memory (measured as what the request's thread
 * allocates: reading such a file with POI allocates gigabytes), and nothing is stored.
 */
@IntegrationTest
class UploadBombTests {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /**
     * Counting allocates some 36 MB for the worst of these (the upload itself included); without it, POI's model of
     * the 2.4 million paragraphs ran this test's 1 GB heap out after five minutes.
     */
    private static final long ALLOCATION_BOUND = 100L * 1024 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_docx_of_2_4_million_paragraphs_is_refused_quickly_and_with_little_memory() throws Exception {
        byte[] bomb = docx(2_400_000);
        // like the one found by probing: some 14 MB on the wire, 91 MB unpacked, too little compressed for POI's
        // inflate-ratio check to notice, under the 50 MB / 100 MB limits of an upload
        assertThat(bomb.length).isBetween(5 * 1024 * 1024, 20 * 1024 * 1024);
        int drafts = count("plan_draft");
        long allocated = allocatedDuring(() -> mvc.perform(multipart("/api/intake/drafts")
                        .file(new MockMultipartFile("file", "bomb.docx", DOCX, bomb)).with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件中的段落超过 50000 个，内容过多或是恶意构造的文件，已拒绝；请拆分后再上传。")));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
        assertThat(count("plan_draft")).isEqualTo(drafts);

        mvc.perform(multipart("/api/intake/plan-text").file(new MockMultipartFile("file", "bomb.docx", DOCX, bomb))
                        .param("lang", "en").with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("more than 50000 paragraphs")));
    }

    @Test
    void a_docx_of_one_huge_table_is_refused_by_its_cells() throws Exception {
        StringBuilder row = new StringBuilder("<w:tr>");
        row.append("<w:tc/>".repeat(1_000)).append("</w:tr>");
        byte[] bomb = zip("word/document.xml", documentXml(row.toString(), 300), docxParts());
        mvc.perform(multipart("/api/intake/plan-text").file(new MockMultipartFile("file", "table.docx", DOCX, bomb))
                        .with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("单元格超过 200000 个")));
    }

    @Test
    void a_breakdown_xlsx_of_a_million_rows_or_cells_is_refused_before_it_is_read() throws Exception {
        byte[] rows = xlsx("<row/>", 1_000_000);
        int drafts = count("plan_draft");
        long allocated = allocatedDuring(() -> mvc.perform(multipart("/api/intake/drafts")
                        .file(new MockMultipartFile("file", "rows.xlsx", XLSX, rows)).with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("表格超过"))));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
        byte[] cells = xlsx("<row r=\"1\">" + "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(1_000) + "</row>", 1_000);
        mvc.perform(multipart("/api/intake/drafts").file(new MockMultipartFile("file", "cells.xlsx", XLSX, cells))
                        .with(office()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("单元格超过 200000 个")));
        assertThat(count("plan_draft")).isEqualTo(drafts);
    }

    @Test
    void a_unit_tree_xlsx_of_a_million_rows_is_refused_before_it_is_read() throws Exception {
        byte[] rows = xlsx("<row/>", 1_000_000);
        int units = count("unit");
        long allocated = allocatedDuring(() -> mvc.perform(multipart("/api/admin/units/import")
                        .file(new MockMultipartFile("file", "units.xlsx", XLSX, rows)).with(admin()))
                .andExpect(status().isUnprocessableContent()));
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
        byte[] cells = xlsx("<row r=\"1\">" + "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(1_000) + "</row>", 1_000);
        mvc.perform(multipart("/api/admin/units/import").file(new MockMultipartFile("file", "cells.xlsx", XLSX, cells))
                        .with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("单元格超过 200000 个")));
        assertThat(count("unit")).isEqualTo(units);
    }

    // ---- bombs, built in memory

    interface Request {
        ResultActions run() throws Exception;
    }

    /** Bytes the current thread allocates while the request runs (MockMvc runs it on this thread). */
    private static long allocatedDuring(Request request) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        request.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    /** Paragraphs of six random hex digits each: random enough that the zip's ratio looks like a real document's. */
    private static byte[] docx(int paragraphs) throws IOException {
        return zip("word/document.xml", documentXml("<w:p><w:r><w:t>%06x</w:t></w:r></w:p>", paragraphs), docxParts());
    }

    private static String[] docxParts() {
        return new String[]{
                "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""",
                "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""};
    }

    /** A document body of the same element, repeated: written as it is zipped, never whole in memory. */
    private static Part documentXml(String element, int times) {
        String open = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + (element.startsWith("<w:tr") ? "<w:tbl>" : "");
        String close = (element.startsWith("<w:tr") ? "</w:tbl>" : "") + "</w:body></w:document>";
        return new Part(open, element, times, close);
    }

    private static byte[] xlsx(String row, int times) throws IOException {
        Part sheet = new Part("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                row, times, "</sheetData></worksheet>");
        return zip("xl/worksheets/sheet1.xml", sheet,
                "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""",
                "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
                "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
                "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
    }

    /** An XML part: a head, one element many times, a tail. */
    record Part(String head, String element, int times, String tail) {
        void writeTo(OutputStream out) throws IOException {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] e = element.getBytes(StandardCharsets.UTF_8);
            java.util.Random random = new java.util.Random(9);
            for (int i = 0; i < times; i++) {
                out.write(element.contains("%06x") ? element.formatted(random.nextInt(1 << 24)).getBytes(StandardCharsets.UTF_8) : e);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] zip(String bigName, Part big, String... smallNamesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (int i = 0; i < smallNamesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(smallNamesAndTexts[i]));
                zip.write(smallNamesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(bigName));
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(zip, 1 << 16);
            big.writeTo(buffered);
            buffered.flush();
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
