package org.rectify.units.internal;

import org.rectify.platform.OfficeFiles;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.platform.Messages;
import org.rectify.units.UnitImportRejected;
import org.rectify.units.UnitImportReport;
import org.rectify.units.UnitTreeImport;
import org.rectify.units.Units;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Loading a whole unit tree, or unit groups, from .xlsx or .csv; and the templates and current data as CSV. */
@Controller
@RequestMapping("/admin/units/import")
class UnitImportController {

    private final UnitTreeImport unitImport;
    private final Units units;
    private final Messages messages;

    UnitImportController(UnitTreeImport unitImport, Units units, Messages messages) {
        this.unitImport = unitImport;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        return page(model, null, null, null);
    }

    @PostMapping("/tree")
    String importTree(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        return load("tree", file, model, redirect, response);
    }

    @PostMapping("/groups")
    String importGroups(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        return load("groups", file, model, redirect, response);
    }

    private String load(String kind, MultipartFile file, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            response.setStatus(422);
            return page(model, kind, null, new UnitImportRejected("unitImport.fileRequired"));
        }
        try (InputStream in = file.getInputStream()) {
            UnitImportReport report = kind.equals("tree") ? unitImport.load(file.getOriginalFilename(), in)
                    : unitImport.loadGroups(file.getOriginalFilename(), in);
            redirect.addFlashAttribute("flash", messages.text("units.import.done." + kind, file.getOriginalFilename(),
                    report.created(), report.updated(), report.unchanged()));
            return "redirect:" + (kind.equals("tree") ? "/admin/units" : "/admin/units/groups");
        } catch (UnitImportRejected e) {
            response.setStatus(422);
            return page(model, kind, file.getOriginalFilename(), e);
        } catch (IOException e) {
            response.setStatus(422);
            return page(model, kind, file.getOriginalFilename(), new UnitImportRejected("unitImport.unreadable"));
        }
    }

    private String page(Model model, String kind, String filename, UnitImportRejected rejected) {
        model.addAttribute("kind", kind);
        model.addAttribute("filename", filename);
        model.addAttribute("rejected", rejected);
        model.addAttribute("rejectedMessage", rejected == null ? null : messages.text(rejected));
        model.addAttribute("rowErrors", rejected == null ? java.util.List.of() : rejected.rowErrors().stream()
                .map(r -> new RowMessage(r.row(), messages.text(r.messageKey(), r.args()))).toList());
        model.addAttribute("moreErrors", rejected == null ? 0
                : Math.max(0, (rejected.args().length > 0 && rejected.args()[0] instanceof Integer n ? n : 0)
                - rejected.rowErrors().size()));
        model.addAttribute("maxSize", OfficeFiles.humanSize(unitImport.maxBytes()));
        model.addAttribute("maxRows", unitImport.maxRows());
        return "units/import";
    }

    record RowMessage(int row, String message) {
    }

    @GetMapping("/template-units.csv")
    ResponseEntity<byte[]> treeTemplate() {
        return csv("单位树导入模板.csv", UnitCsv.treeTemplate());
    }

    @GetMapping("/template-groups.csv")
    ResponseEntity<byte[]> groupTemplate() {
        return csv("单位组导入模板.csv", UnitCsv.groupTemplate());
    }

    @GetMapping("/units.csv")
    ResponseEntity<byte[]> currentTree() {
        return csv("单位树.csv", UnitCsv.tree(units));
    }

    @GetMapping("/unit-groups.csv")
    ResponseEntity<byte[]> currentGroups() {
        return csv("单位组.csv", UnitCsv.groups(units));
    }

    private static ResponseEntity<byte[]> csv(String filename, byte[] body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
