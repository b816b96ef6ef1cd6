package org.rectify.audit.internal;

import org.rectify.audit.AuditAnchor;
import org.rectify.audit.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * {@code /public/audit-anchors}: the daily anchors for anyone, signed in or not. A hash reveals nothing, and a copy the
 * public has kept shows a rewrite of the whole chain that the chain alone could not.
 */
@Controller
class PublicAnchorsController {

    private final AuditLog log;

    PublicAnchorsController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/public/audit-anchors")
    String page(Model model) {
        List<AuditAnchor> anchors = new java.util.ArrayList<>(log.anchors());
        java.util.Collections.reverse(anchors); // the latest first: the one a visitor compares
        model.addAttribute("anchors", anchors);
        return "audit/public-anchors";
    }

    @GetMapping("/public/audit-anchors.csv")
    ResponseEntity<String> csv() {
        return AuditApiController.anchorsCsv(log.anchors());
    }
}
