package org.rectify.insight.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.rectify.access.Caller;
import org.rectify.plans.LedgerParams;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.OfficialDocument;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.LocalDate;

/** What leaders and the office take to meetings: the briefing (.docx), edited on screen first, and the ledger (.xlsx). */
@Controller
class InsightDocumentsController {

    static final int MAX_BRIEFING_CHARS = 50_000;

    private final BriefingDraft briefing;
    private final LedgerWorkbook workbook;
    private final TaskLedger ledger;
    private final Figures figures;
    private final Plans plans;
    private final Messages messages;

    InsightDocumentsController(BriefingDraft briefing, LedgerWorkbook workbook, TaskLedger ledger, Figures figures, Plans plans,
                               Messages messages) {
        this.briefing = briefing;
        this.workbook = workbook;
        this.ledger = ledger;
        this.figures = figures;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/insight/briefing")
    String briefing(InsightFilter filter, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    Caller caller, Model model) {
        mayBrief(caller);
        model.addAttribute("draft", briefing.draft(filter, caller.scope(), filter.unitsUnder(caller), caller.unitName(),
                date != null ? date : figures.today()));
        model.addAttribute("filter", filter);
        model.addAttribute("plans", plans.visibleFor(caller.scope()));
        return "insight/briefing";
    }

    /** The briefing as the office edited it: title, issuer, date and paragraphs (separated by blank lines). */
    @PostMapping("/insight/briefing")
    ResponseEntity<byte[]> briefingDocument(@RequestParam String title, @RequestParam String issuer,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                            @RequestParam String text, Caller caller) {
        mayBrief(caller);
        if (title.isBlank() || text.isBlank()) {
            throw new InvalidInputException("insight.briefing.empty");
        }
        if (text.length() > MAX_BRIEFING_CHARS) {
            throw new InvalidInputException("insight.briefing.tooLong", MAX_BRIEFING_CHARS);
        }
        byte[] docx = OfficialDocument.write(doc -> fill(doc, title.strip(), issuer.strip(), date, text));
        return OfficialDocument.download(title.strip() + "-" + date, docx);
    }

    private static void fill(XWPFDocument doc, String title, String issuer, LocalDate date, String text) {
        OfficialDocument.title(doc, title, null);
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                OfficialDocument.body(doc, paragraph.replace("\n", ""));
            }
        }
        OfficialDocument.signature(doc, issuer, date);
    }

    /** The ledger with the filters of the ledger page, as .xlsx, streamed. */
    @GetMapping("/insight/ledger.xlsx")
    void ledgerWorkbook(LedgerParams params, Caller caller, HttpServletResponse response) throws IOException {
        workbook.download(ledger.wherePublished(params.toFilter(), caller.scope()),
                messages.text("insight.export.file", figures.today()) + ".xlsx", response);
    }

    private static void mayBrief(Caller caller) {
        if (caller.role().isUnitRole()) {
            throw new ForbiddenException("insight.briefing.forbidden");
        }
    }
}
