package org.rectify.supervision.internal;

import org.rectify.platform.OfficialDocument;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.platform.RectifyException;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.supervision.Warnings;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Supervision notices: the list, issuing one, the unit's reply with its evidence files, downloading those, the
 * notices panel of a task's page, and the official document.
 */
@Controller
class NoticeController {


    private final SupervisionNotices notices;
    private final TaskLedger tasks;
    private final Warnings warnings;
    private final NoticeDocument document;
    private final Messages messages;
    private final EvidenceUploads uploads;
    private final Evidences evidences;

    NoticeController(SupervisionNotices notices, TaskLedger tasks, Warnings warnings, NoticeDocument document,
                     Messages messages, EvidenceUploads uploads, Evidences evidences) {
        this.notices = notices;
        this.tasks = tasks;
        this.warnings = warnings;
        this.document = document;
        this.messages = messages;
        this.uploads = uploads;
        this.evidences = evidences;
    }

    @GetMapping("/supervision/notices")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                Caller caller, Model model) {
        var result = notices.page(caller.scope(), Paging.of(page, size));
        model.addAttribute("result", result);
        model.addAttribute("notices", result.rows());
        model.addAttribute("today", warnings.today());
        return "supervision/notices";
    }

    @GetMapping("/supervision/notices/new")
    String newNotice(@RequestParam(required = false) Long taskId, Caller caller, Model model, RedirectAttributes redirect) {
        if (taskId == null) { // an old link or bookmark: the desk lists the warned tasks with their buttons
            redirect.addFlashAttribute("flashInfo", messages.text("supervision.notice.pickTask"));
            return "redirect:/supervision";
        }
        model.addAttribute("task", tasks.get(taskId, caller.scope()));
        if (!SupervisionNotices.mayIssue(caller)) {
            throw new ForbiddenException("supervision.notice.forbidden");
        }
        tasks.governed(taskId, caller);
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
        return page(notices.get(id, caller.scope()), caller, model);
    }

    /**
     * The reply with its files: checked before any file is streamed, then staged, then kept in one transaction. A
     * refused file or reply shows the page again with the reason and the text typed; nothing is stored.
     */
    @PostMapping("/supervision/notices/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(required = false) String reply, @RequestParam(required = false) Long unitId,
                 @RequestParam(required = false) List<MultipartFile> files, Caller caller, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        List<StagedFile> staged = new ArrayList<>();
        try {
            notices.checkReply(id, unitId, reply, caller);
            notices.reply(id, unitId, reply, uploads.stageAll(files == null ? List.of() : files, staged), caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.notice.answered"));
            return "redirect:/supervision/notices/" + id;
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            boolean choseFiles = files != null && files.stream().anyMatch(EvidenceUploads::chosen);
            response.setStatus(e.kind().status);
            model.addAttribute("replyError", messages.text(e)
                    + (choseFiles ? " " + messages.text("progress.report.chooseFilesAgain") : ""));
            model.addAttribute("replyDraft", reply);
            return page(notices.get(id, caller.scope()), caller, model);
        } finally {
            uploads.discard(staged);
        }
    }

    /** The issuer accepts a lead unit's answer, or sends it back with a comment. */
    @PostMapping("/supervision/notices/{id}/{command:accept|send-back}")
    String review(@PathVariable long id, @PathVariable("command") String decision, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) Long unitId, Caller caller, RedirectAttributes redirect) {
        try {
            if ("accept".equals(decision)) {
                notices.accept(id, unitId, caller);
            } else {
                notices.sendBack(id, unitId, comment, caller);
            }
            redirect.addFlashAttribute("flash", messages.text("supervision.notice.reviewed." + decision));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/notices/" + id;
    }

    /** A file sent with the reply: to whoever sees the notice (its task in their scope), else 404. */
    @GetMapping({"/supervision/notices/{id}/evidence/{evidenceId}", "/api/supervision/notices/{id}/evidence/{evidenceId}"})
    ResponseEntity<Resource> evidence(@PathVariable long id, @PathVariable long evidenceId, Caller caller) throws IOException {
        EvidenceFile file = notices.evidence(id, evidenceId, caller.scope());
        return EvidenceDownloads.of(file, evidences.open(file.id()));
    }

    /** The notices of one task, as a panel of the task's page (loaded by htmx: the task page belongs to plans). */
    @GetMapping("/supervision/tasks/{taskId}/notices")
    String taskPanel(@PathVariable long taskId, Caller caller, Model model) {
        TaskDetail task = tasks.get(taskId, caller.scope());
        model.addAttribute("task", task);
        model.addAttribute("notices", notices.ofTask(taskId, caller.scope()));
        model.addAttribute("today", warnings.today());
        model.addAttribute("mayIssue", SupervisionNotices.mayIssue(caller) && task.status().isOpen()
                && tasks.isGovernedBy(taskId, caller)); // not on another office's plan, though the caller reads the task
        return "supervision/task-notices :: panel";
    }

    private String page(SupervisionNotice notice, Caller caller, Model model) {
        model.addAttribute("notice", notice);
        model.addAttribute("late", notice.isLate(warnings.today(), warnings.zone()));
        var answers = notices.answersOf(notice, caller); // one read of the answers' unit paths for the three
        model.addAttribute("mayReply", answers.mayReply());
        model.addAttribute("pending", answers.pending());
        model.addAttribute("answeredAll", answers.answeredAll());
        model.addAttribute("mayReview", notices.mayReview(notice, caller));
        model.addAttribute("maxSizeMb", evidences.store().maxSize() / (1024 * 1024));
        return "supervision/notice";
    }

    @GetMapping({"/supervision/notices/{id}.docx", "/api/supervision/notices/{id}/document"})
    ResponseEntity<byte[]> docx(@PathVariable long id, Caller caller) {
        SupervisionNotice notice = notices.get(id, caller.scope());
        return OfficialDocument.download(notice.number(), document.render(notice));
    }
}
