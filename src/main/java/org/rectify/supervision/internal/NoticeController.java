package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.RectifyException;
import org.rectify.plans.TaskLedger;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.supervision.Warnings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

/** Supervision notices: the list, issuing one, the unit's reply, and the official document. */
@Controller
class NoticeController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final SupervisionNotices notices;
    private final TaskLedger tasks;
    private final Warnings warnings;
    private final NoticeDocument document;
    private final Messages messages;

    NoticeController(SupervisionNotices notices, TaskLedger tasks, Warnings warnings, NoticeDocument document,
                     Messages messages) {
        this.notices = notices;
        this.tasks = tasks;
        this.warnings = warnings;
        this.document = document;
        this.messages = messages;
    }

    @GetMapping("/supervision/notices")
    String list(Caller caller, Model model) {
        model.addAttribute("notices", notices.all(caller.scope()));
        model.addAttribute("today", warnings.today());
        return "supervision/notices";
    }

    @GetMapping("/supervision/notices/new")
    String newNotice(@RequestParam long taskId, Caller caller, Model model) {
        model.addAttribute("task", tasks.get(taskId, caller.scope()));
        if (!SupervisionNotices.mayIssue(caller)) {
            throw new ForbiddenException("supervision.notice.forbidden");
        }
        model.addAttribute("replyBy", warnings.today().plusDays(7));
        model.addAttribute("fieldErrors", Map.of());
        return "supervision/notice-form";
    }

    @PostMapping("/supervision/notices")
    String issue(@RequestParam long taskId, @RequestParam(required = false) String demands,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate replyBy,
                 Caller caller, Model model, RedirectAttributes redirect) {
        try {
            long id = notices.issue(taskId, demands, replyBy, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.notice.issued"));
            return "redirect:/supervision/notices/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("task", tasks.get(taskId, caller.scope()));
            model.addAttribute("demands", demands);
            model.addAttribute("replyBy", replyBy);
            model.addAttribute("fieldErrors", messages.fields(e));
            return "supervision/notice-form";
        }
    }

    @GetMapping("/supervision/notices/{id}")
    String notice(@PathVariable long id, Caller caller, Model model) {
        SupervisionNotice notice = notices.get(id, caller.scope());
        boolean leads = !caller.scope().isAll() && tasks.isLedFrom(notice.taskId(), caller.scope().unitPath());
        model.addAttribute("notice", notice);
        model.addAttribute("late", notice.isLate(warnings.today()));
        model.addAttribute("mayReply", !notice.isAnswered() && (caller.role().managesTasks() || (caller.role().isUnitRole() && leads)));
        return "supervision/notice";
    }

    @PostMapping("/supervision/notices/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(required = false) String reply, Caller caller,
                 RedirectAttributes redirect) {
        try {
            notices.reply(id, reply, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.notice.answered"));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/notices/" + id;
    }

    @GetMapping({"/supervision/notices/{id}.docx", "/api/supervision/notices/{id}/document"})
    ResponseEntity<byte[]> docx(@PathVariable long id, Caller caller) {
        SupervisionNotice notice = notices.get(id, caller.scope());
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(notice.number() + ".docx", StandardCharsets.UTF_8).build().toString())
                .body(document.render(notice));
    }
}
