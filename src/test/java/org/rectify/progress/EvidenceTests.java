package org.rectify.progress;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.progress.internal.FileSystemEvidenceStore;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.linxiangStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.progress.ProgressFixture.content;
import static org.rectify.progress.ProgressFixture.file;
import static org.rectify.progress.ProgressFixture.id;
import static org.rectify.progress.ProgressFixture.pdf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence through the API: what is refused (and leaves nothing), what is kept, and who may read it. */
@IntegrationTest
class EvidenceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Units units;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    EvidenceStore store;

    ProgressFixture plan;
    long task;

    @BeforeEach
    void plan() throws Exception {
        plan = ProgressFixture.plan(mvc, units, LocalDate.now(clock), false);
        task = plan.epbTask();
    }

    @Test
    void a_report_with_a_file_keeps_it_under_its_hash_and_shows_its_hash_and_size() throws Exception {
        byte[] bytes = pdf("监测报告.pdf").getBytes();
        String sha = sha256(bytes);
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("附监测报告"), true, file("监测报告.pdf", bytes))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].file.fileName").value("监测报告.pdf"))
                .andExpect(jsonPath("$.attachments[0].file.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.attachments[0].file.size").value(bytes.length))
                .andExpect(jsonPath("$.attachments[0].file.sha256").value(sha));
        Path stored = root().resolve(EvidenceStore.keyOf(sha));
        assertThat(stored).exists().hasBinaryContent(bytes);
        assertThat(Files.getPosixFilePermissions(stored)).as("kept files are read-only")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void the_same_content_uploaded_twice_is_stored_once() throws Exception {
        byte[] bytes = pdf("同一文件.pdf").getBytes();
        long other = plan.epbTask();
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("一"), true, file("a.pdf", bytes)).andExpect(status().isCreated());
        plan.reportWithFiles(epbStaff(), other, plan.currentCycle, content("二"), true, file("b.pdf", bytes)).andExpect(status().isCreated());
        String sha = sha256(bytes);
        assertThat(db.fetchCount(EVIDENCE, EVIDENCE.SHA256.eq(sha))).isEqualTo(2);
        try (var files = Files.walk(root())) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(sha))).hasSize(1);
        }
    }

    @Test
    void an_empty_file_is_refused_and_nothing_is_stored() throws Exception {
        refused(file("空白.pdf", new byte[0]), "是空的");
    }

    @Test
    void an_executable_renamed_pdf_is_refused_and_nothing_is_stored() throws Exception {
        refused(file("整改报告.pdf", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4}), "可执行程序");
        refused(file("监测数据.pdf", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0}), "可执行程序");
        refused(file("说明.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)), "可执行程序");
        refused(file("图片.png", new byte[]{(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1}), "可执行程序");
    }

    @Test
    void content_of_a_type_not_accepted_is_refused_whatever_its_name() throws Exception {
        refused(file("数据.xlsx", zip("payload.exe", new byte[]{'M', 'Z'})), "不是可接受的类型"); // a zip, not OOXML
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 0x01;
        refused(file("附件.docx", binary), "不是可接受的类型");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_and_nothing_is_stored() throws Exception {
        byte[] big = new byte[(int) store.maxSize() + 1];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        refused(file("超大.pdf", big), "大小限制");
    }

    @Test
    void a_file_name_with_a_path_is_refused_and_nothing_is_stored() throws Exception {
        refused(new MockMultipartFile("files", "../../etc/passwd.pdf", "application/pdf", pdf("x").getBytes()), "含有路径");
        refused(new MockMultipartFile("files", "..\\..\\boot.ini.pdf", "application/pdf", pdf("x").getBytes()), "含有路径");
    }

    @Test
    void the_type_is_found_by_content_not_by_extension() throws Exception {
        List<MockMultipartFile> files = List.of(
                file("现场照片.pdf", png()),                       // a PNG that calls itself a PDF
                file("整改方案.docx", docx()),
                file("台账.xlsx", xlsx()),
                file("旧台账.xls", xls()),
                file("点位.csv", "点位,数值\n临翔区,36\n".getBytes(StandardCharsets.UTF_8)),
                file("C:\\Users\\张三\\说明.txt", "整改说明\r\n".getBytes(StandardCharsets.UTF_8)));
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("各类材料"), false, files.toArray(MockMultipartFile[]::new))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments", hasSize(6)))
                .andExpect(jsonPath("$.attachments[0].file.contentType").value("image/png"))
                .andExpect(jsonPath("$.attachments[1].file.contentType").value(containsString("wordprocessingml")))
                .andExpect(jsonPath("$.attachments[2].file.contentType").value(containsString("spreadsheetml")))
                .andExpect(jsonPath("$.attachments[3].file.contentType").value("application/vnd.ms-excel"))
                .andExpect(jsonPath("$.attachments[4].file.contentType").value("text/csv"))
                .andExpect(jsonPath("$.attachments[5].file.contentType").value("text/plain"))
                .andExpect(jsonPath("$.attachments[5].file.fileName").value("说明.txt")); // the path of the sender's disk dropped
    }

    @Test
    void a_submission_refused_for_its_second_file_stores_neither_file_nor_report() throws Exception {
        byte[] good = pdf("好文件.pdf").getBytes();
        int rows = db.fetchCount(EVIDENCE);
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("两个文件"), true,
                        file("好文件.pdf", good), file("坏文件.pdf", new byte[]{'M', 'Z', 0, 0}))
                .andExpect(status().isUnprocessableContent());
        assertThat(db.fetchCount(EVIDENCE)).isEqualTo(rows);
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
        assertThat(root().resolve(EvidenceStore.keyOf(sha256(good)))).doesNotExist();
        assertThat(staged()).isEmpty();
    }

    @Test
    void evidence_is_downloadable_only_by_those_whose_scope_includes_the_task() throws Exception {
        byte[] bytes = pdf("下载.pdf").getBytes();
        MvcResult saved = plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("附件"), true, file("下载.pdf", bytes))
                .andReturn();
        long evidence = ((Number) com.jayway.jsonpath.JsonPath.read(ProgressFixture.body(saved), "$.attachments[0].file.id")).longValue();
        mvc.perform(get("/api/progress/evidence/{id}", evidence).with(office()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("ETag", "\"" + sha256(bytes) + "\""))
                .andExpect(content().bytes(bytes));
        mvc.perform(get("/progress/evidence/{id}", evidence).with(epbStaff())).andExpect(status().isOk());
        mvc.perform(get("/api/progress/evidence/{id}", evidence).with(linxiangStaff())).andExpect(status().isNotFound());
        mvc.perform(get("/api/progress/evidence/{id}", 999_999_999L).with(office())).andExpect(status().isNotFound());
    }

    @Test
    void a_recorded_file_missing_from_the_store_answers_not_found_rather_than_an_error() throws Exception {
        byte[] bytes = pdf("已遗失.pdf").getBytes();
        MvcResult saved = plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("附件已遗失"), true, file("已遗失.pdf", bytes))
                .andReturn();
        long evidence = ((Number) com.jayway.jsonpath.JsonPath.read(ProgressFixture.body(saved), "$.attachments[0].file.id")).longValue();
        java.nio.file.Path file = root().resolve(EvidenceStore.keyOf(sha256(bytes)));
        Files.delete(file);
        try {
            mvc.perform(get("/api/progress/evidence/{id}", evidence).with(office())).andExpect(status().isNotFound());
        } finally {
            Files.write(file, bytes); // the database is shared: a backup test after this one packs every recorded file
        }
    }

    @Test
    void a_recorded_file_whose_key_the_store_cannot_hold_answers_not_found_on_the_page_and_the_api() throws Exception {
        byte[] bytes = pdf("旧格式.pdf").getBytes();
        MvcResult saved = plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("旧格式附件"), true, file("旧格式.pdf", bytes))
                .andReturn();
        long evidence = ((Number) com.jayway.jsonpath.JsonPath.read(ProgressFixture.body(saved), "$.attachments[0].file.id")).longValue();
        String sha = sha256(bytes);
        String olderForm = sha.substring(0, 2) + "/" + sha; // an older generator's key: one directory level, not two
        db.update(EVIDENCE).set(EVIDENCE.STORAGE_KEY, olderForm).where(EVIDENCE.ID.eq(evidence)).execute();
        try {
            assertThat(store.contains(olderForm)).isFalse();
            assertThat(store.contains("../" + EvidenceStore.keyOf(sha))).isFalse();
            mvc.perform(get("/api/progress/evidence/{id}", evidence).with(office())).andExpect(status().isNotFound());
            mvc.perform(get("/progress/evidence/{id}", evidence).with(epbStaff())).andExpect(status().isNotFound());
        } finally {
            db.update(EVIDENCE).set(EVIDENCE.STORAGE_KEY, EvidenceStore.keyOf(sha)).where(EVIDENCE.ID.eq(evidence)).execute();
        }
    }

    @Test
    void files_are_added_to_a_draft_through_the_api_but_not_to_a_submitted_report() throws Exception {
        long draft = id(plan.report(epbStaff(), task, plan.currentCycle, content("草稿"), false).andReturn());
        mvc.perform(multipart("/api/progress/reports/{id}/evidence", draft).file(file("补充.pdf", pdf("补充").getBytes()))
                        .with(epbStaff()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments", hasSize(1)));
        mvc.perform(post("/api/progress/reports/{id}/submit", draft).with(epbStaff())).andExpect(status().isOk());
        int rows = db.fetchCount(EVIDENCE);
        mvc.perform(multipart("/api/progress/reports/{id}/evidence", draft).file(file("迟到.pdf", pdf("迟到").getBytes()))
                        .with(epbStaff()))
                .andExpect(status().isConflict());
        assertThat(db.fetchCount(EVIDENCE)).isEqualTo(rows);
    }

    private void refused(MockMultipartFile file, String message) throws Exception {
        int rows = db.fetchCount(EVIDENCE);
        long before = storedFiles();
        plan.reportWithFiles(epbStaff(), task, plan.currentCycle, content("带附件的报告"), true, file)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString(message)))
                .andExpect(jsonPath("$.fieldErrors.files").exists());
        assertThat(db.fetchCount(EVIDENCE)).isEqualTo(rows);
        assertThat(db.fetchCount(REPORT_SLOT, REPORT_SLOT.TASK_ID.eq(task))).isZero();
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(staged()).isEmpty();
    }

    private Path root() {
        return ((FileSystemEvidenceStore) store).root();
    }

    private List<Path> staged() throws IOException {
        try (var files = Files.list(((FileSystemEvidenceStore) store).staging())) {
            return files.toList();
        }
    }

    private long storedFiles() throws IOException {
        try (var files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(((FileSystemEvidenceStore) store).staging())).count();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xa61b1b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("整改方案");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
