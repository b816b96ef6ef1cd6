package org.rectify.closure.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.closure.ClosureDetail;
import org.rectify.closure.ClosureNotFound;
import org.rectify.closure.ClosureObjections;
import org.rectify.closure.ClosureViews;
import org.rectify.plans.PlanShortNames;
import org.rectify.platform.Messages;
import org.rectify.platform.RectifyException;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.StagedFile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/**
 * The public pages of closures under notice (公示) and the objection form, for anyone without an account. They show
 * the task, its units, the application's statement, the verification's conclusion and the answers to objections not
 * upheld; never a person's contact or an internal note. Until the disclosure portal exists these pages stand alone;
 * the portal can take over {@link ClosureViews#allUnderNotice} and {@link ClosureObjections}.
 */
@Controller
class PublicClosureController {

    private final ClosureViews views;
    private final ClosureObjections objections;
    private final EvidenceUploads uploads;
    private final Messages messages;
    private final PlanShortNames shortNames;

    PublicClosureController(ClosureViews views, ClosureObjections objections, EvidenceUploads uploads, Messages messages,
                            PlanShortNames shortNames) {
        this.shortNames = shortNames;
        this.views = views;
        this.objections = objections;
        this.uploads = uploads;
        this.messages = messages;
    }

    /** A visitor typing the public address alone lands on what is public, not on "not found". */
    @GetMapping({"/public", "/public/"})
    String publicHome() {
        return "redirect:/public/closures";
    }

    @GetMapping("/public/closures")
    String list(Model model) {
        model.addAttribute("closures", views.allUnderNotice());
        return "closure/public-list";
    }

    @GetMapping("/public/closures/{id}")
    String notice(@PathVariable long id, Model model) {
        return page(open(id), model);
    }

    @PostMapping("/public/closures/{id}/objections")
    String object(@PathVariable long id, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String contact, @RequestParam(required = false) MultipartFile file,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ClosureDetail closure = open(id);
        String client = ClosureObjections.clientKey(request.getRemoteAddr());
        MultipartFile chosen = EvidenceUploads.chosen(file) ? file : null;
        List<StagedFile> staged = new ArrayList<>();
        try {
            objections.check(id, text, contact, chosen == null ? 0 : chosen.getSize(), client);
            objections.object(id, text, contact, chosen == null ? null : uploads.stage(chosen, staged), client);
            redirect.addFlashAttribute("flash", messages.text("closure.objection.received"));
            return "redirect:/public/closures/" + id;
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e; // the notice ended meanwhile
            }
            response.setStatus(e.kind().status);
            model.addAttribute("objectionError", messages.text(e));
        } finally {
            uploads.discard(staged);
        }
        model.addAttribute("draft", text);
        return page(closure, model);
    }

    private ClosureDetail open(long id) {
        return views.underNotice(id).filter(c -> !views.today().isAfter(c.noticeUntil()))
                .orElseThrow(() -> ClosureNotFound.notice(id));
    }

    private String page(ClosureDetail closure, Model model) {
        model.addAttribute("closure", closure);
        model.addAttribute("taskLabel", shortNames.label(closure.taskId(), closure.taskRef())); // 临沧2018·三(一)
        model.addAttribute("leadUnits", views.leadUnits(closure.taskId()));
        model.addAttribute("maxFileMb", ClosureObjections.MAX_FILE / (1024 * 1024));
        return "closure/public";
    }
}
