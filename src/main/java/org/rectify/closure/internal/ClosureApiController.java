package org.rectify.closure.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.closure.ClosureApplication;
import org.rectify.closure.ClosureDetail;
import org.rectify.closure.ClosureSettings;
import org.rectify.closure.ClosureSummary;
import org.rectify.closure.ClosureViews;
import org.rectify.closure.Closures;
import org.rectify.closure.NewVerification;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Paging;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.StagedFile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The closure procedure over JSON, under the same rules as the pages. Every step names the version it was made from. */
@RestController
@RequestMapping("/api/closures")
@Tag(name = "closures", description = "Closure (销号): apply, verify, approve, publish, answer objections, close")
class ClosureApiController {

    /** An application (JSON part "application") with its files (parts "files"). */
    record Apply(long taskId, ClosureApplication application) {
    }

    record Step(int version, String reason) {
    }

    record Assignment(int version, Long acceptanceUnitId, boolean onSiteRequired) {
    }

    record Verification(int version, NewVerification verification) {
    }

    record Answer(int version, boolean upheld, String answer) {
    }

    private final Closures closures;
    private final ClosureViews views;
    private final EvidenceUploads uploads;

    ClosureApiController(Closures closures, ClosureViews views, EvidenceUploads uploads) {
        this.closures = closures;
        this.views = views;
        this.uploads = uploads;
    }

    @GetMapping
    @Operation(summary = "The closure desk: attempts in flight the caller deals with (all attempts with ended=true), "
            + "longest at their stage first; paged: page from 0, size 20, 50, 100 or 200 (else 50), a page past the end "
            + "gives the last; the total in X-Total-Count (X-Page, X-Page-Size, X-Pages)")
    org.springframework.http.ResponseEntity<List<ClosureSummary>> desk(@RequestParam(defaultValue = "false") boolean ended,
                                                                       @RequestParam(required = false) Integer page,
                                                                       @RequestParam(required = false) Integer size, Caller caller) {
        return views.desk(caller, ended, Paging.of(page, size)).asArray();
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "Every closure attempt on a task, newest first")
    List<ClosureDetail> ofTask(@PathVariable long taskId, Caller caller) {
        return views.ofTask(taskId, caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One closure attempt with its answers, verifications, files and objections")
    ClosureDetail get(@PathVariable long id, Caller caller) {
        return views.get(id, caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Apply for closure: part \"application\" (JSON: taskId, application) and parts \"files\"; all or nothing")
    ResponseEntity<ClosureDetail> apply(@RequestPart("application") Apply apply,
                                        @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                        Caller caller) {
        if (apply.application() == null) {
            throw new InvalidInputException("error.unreadable");
        }
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(EvidenceUploads::chosen).toList();
        closures.checkApplication(apply.taskId(), apply.application(), chosen.size(), caller);
        List<StagedFile> staged = new ArrayList<>();
        try {
            long id = closures.apply(apply.taskId(), apply.application(), uploads.stageAll(chosen, staged), caller);
            return ResponseEntity.created(URI.create("/api/closures/" + id)).body(views.get(id, caller));
        } finally {
            uploads.discard(staged);
        }
    }

    @PostMapping("/{id}/sign-off")
    @Operation(summary = "The lead unit's head signs the application off (where the plan requires it)")
    ClosureDetail signOff(@PathVariable long id, @RequestBody Step step, Caller caller) {
        return closures.signOff(id, step.version(), caller);
    }

    @PostMapping("/{id}/verification-assignment")
    @Operation(summary = "The office names the acceptance unit (default the plan's unit) and whether it verifies on site")
    ClosureDetail assign(@PathVariable long id, @RequestBody Assignment a, Caller caller) {
        return closures.assignVerification(id, a.version(), a.acceptanceUnitId(), a.onSiteRequired(), caller);
    }

    @PostMapping(path = "/{id}/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The acceptance unit records its verification: part \"verification\" (JSON) and parts \"files\" (photos)")
    ClosureDetail verify(@PathVariable long id, @RequestPart("verification") Verification v,
                         @RequestPart(name = "files", required = false) List<MultipartFile> files, Caller caller) {
        if (v.verification() == null) {
            throw new InvalidInputException("error.unreadable");
        }
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(EvidenceUploads::chosen).toList();
        closures.checkVerification(id, v.version(), v.verification(), chosen.size(), caller);
        List<StagedFile> staged = new ArrayList<>();
        try {
            return closures.verify(id, v.version(), v.verification(), uploads.stageAll(chosen, staged), caller);
        } finally {
            uploads.discard(staged);
        }
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve (审定): published for the plan's notice period; an ONGOING task's confirmation ends here")
    ClosureDetail approve(@PathVariable long id, @RequestBody Step step, Caller caller) {
        return closures.approve(id, step.version(), caller);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Send the application back with a reason; the task goes back to work")
    ClosureDetail sendBack(@PathVariable long id, @RequestBody Step step, Caller caller) {
        return closures.sendBack(id, step.version(), step.reason(), caller);
    }

    @PostMapping("/{id}/objections/{objectionId}/answer")
    @Operation(summary = "Answer an objection: upheld sends the attempt back to verification")
    ClosureDetail answer(@PathVariable long id, @PathVariable long objectionId, @RequestBody Answer a, Caller caller) {
        return closures.answerObjection(id, objectionId, a.version(), a.upheld(), a.answer(), caller);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the task (销号) after the notice period with every objection answered; 409 naming who took a step first")
    ClosureDetail close(@PathVariable long id, @RequestBody Step step, Caller caller) {
        return closures.close(id, step.version(), caller);
    }

    @GetMapping("/settings/{planId}")
    @Operation(summary = "A plan's closure rules")
    ClosureSettings settings(@PathVariable long planId, Caller caller) {
        return closures.settings(planId, caller);
    }

    @PutMapping("/settings/{planId}")
    @Operation(summary = "Set a plan's closure rules (the office running the plan)")
    ClosureSettings saveSettings(@PathVariable long planId, @RequestBody ClosureSettings settings, Caller caller) {
        return closures.saveSettings(planId, settings, caller);
    }
}
