package org.rectify.audit.internal;

import org.rectify.access.Caller;
import org.rectify.audit.AuditAnchor;
import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditLog;
import org.rectify.audit.AuditVerification;
import org.rectify.audit.AuditVerifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** {@code /admin/audit}: the latest entries, and a button that verifies the chain now. Administrators only. */
@Controller
class AuditPageController {

    private static final int PAGE = 50;

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditTexts texts;

    AuditPageController(AuditLog log, AuditVerifier verifier, AuditTexts texts) {
        this.log = log;
        this.verifier = verifier;
        this.texts = texts;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) Long before, Caller caller, Model model) {
        AuditApiController.requireAdmin(caller);
        List<AuditEntry> entries = log.latest(before, PAGE);
        model.addAttribute("entries", entries);
        model.addAttribute("total", log.count());
        List<AuditAnchor> anchors = log.anchors();
        model.addAttribute("anchors", anchors.subList(Math.max(0, anchors.size() - 7), anchors.size()));
        model.addAttribute("older", entries.size() == PAGE && entries.get(PAGE - 1).seq() > 1
                ? entries.get(PAGE - 1).seq() : null);
        return "audit/log";
    }

    @GetMapping("/admin/audit/verify")
    String verify(Caller caller, Model model) {
        AuditApiController.requireAdmin(caller);
        AuditVerification v = verifier.verify();
        model.addAttribute("result", v);
        model.addAttribute("sentence", texts.sentence(v));
        return "audit/log :: result";
    }
}
