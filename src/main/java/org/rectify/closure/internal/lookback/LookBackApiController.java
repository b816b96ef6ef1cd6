package org.rectify.closure.internal.lookback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.closure.LookBack;
import org.rectify.closure.LookBackCampaign;
import org.rectify.closure.LookBackScheduling;
import org.rectify.closure.LookBackSettings;
import org.rectify.closure.LookBackStatus;
import org.rectify.closure.LookBacks;
import org.rectify.closure.NewLookBackCampaign;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.progress.EvidenceDownloads;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Look-backs (回头看) over JSON, with the same scope and rules as the pages. */
@RestController
@RequestMapping("/api/look-backs")
@Tag(name = "look-backs", description = "Look-backs (回头看) of closed tasks, campaigns and each plan's rounds")
class LookBackApiController {

    /** What the checking unit found: HELD (巩固) or RELAPSED (反弹). */
    record LookBackRecord(LookBackStatus outcome, String findings) {
    }

    /** The look-backs the caller's unit checks, and those on the plans the caller governs: the same page of each, with totals. */
    record LookBackLists(List<LookBack> toCheck, List<LookBack> governed, long toCheckTotal, long governedTotal, int page,
                         int size) {

        static LookBackLists of(ListPage<LookBack> toCheck, ListPage<LookBack> governed) {
            return new LookBackLists(toCheck.rows(), governed.rows(), toCheck.total(), governed.total(),
                    Math.max(toCheck.page(), governed.page()), toCheck.size());
        }
    }

    private final LookBacks lookBacks;
    private final LookBackScheduling scheduling;
    private final EvidenceUploads uploads;
    private final Evidences evidences;

    LookBackApiController(LookBacks lookBacks, LookBackScheduling scheduling, EvidenceUploads uploads, Evidences evidences) {
        this.lookBacks = lookBacks;
        this.scheduling = scheduling;
        this.uploads = uploads;
        this.evidences = evidences;
    }

    @GetMapping
    @Operation(summary = "The look-backs the caller's unit is to check, and those on the plans the caller governs; the "
            + "same page of each (page from 0, size 20, 50, 100 or 200, else 50; past its end a list gives its last page), "
            + "with each list's total")
    LookBackLists list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                       Caller caller) {
        Paging paging = Paging.of(page, size);
        return LookBackLists.of(lookBacks.toCheck(caller, paging), lookBacks.governed(caller, paging));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One look-back, with its findings and evidence files once recorded")
    LookBack get(@PathVariable long id, Caller caller) {
        return lookBacks.get(id, caller.scope());
    }

    @PostMapping(path = "/{id}/record", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The checking unit records HELD or RELAPSED with findings; RELAPSED reopens the task as a relapse")
    LookBack record(@PathVariable long id, @RequestBody LookBackRecord record, Caller caller) {
        return lookBacks.record(id, record.outcome(), record.findings(), List.of(), caller);
    }

    @PostMapping(path = "/{id}/record", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The same with evidence files (parts: outcome, findings, files); a refused file refuses the "
            + "record (422) and nothing is stored")
    LookBack recordWithFiles(@PathVariable long id, @RequestParam(required = false) String outcome,
                             @RequestParam(required = false) String findings,
                             @RequestParam(required = false) List<MultipartFile> files, Caller caller) {
        LookBackStatus status = LookBackForms.outcome(outcome);
        lookBacks.checkRecord(id, status, findings, caller);
        List<StagedFile> staged = new ArrayList<>();
        try {
            return lookBacks.record(id, status, findings, uploads.stageAll(files == null ? List.of() : files, staged), caller);
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Operation(summary = "A file recorded with a look-back")
    ResponseEntity<Resource> evidence(@PathVariable long id, @PathVariable long evidenceId, Caller caller) throws IOException {
        EvidenceFile file = lookBacks.evidence(id, evidenceId, caller.scope());
        return EvidenceDownloads.of(file, evidences.open(file.id()));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Look-back campaigns on the plans the caller governs")
    List<LookBackCampaign> campaigns(Caller caller) {
        return scheduling.campaigns(caller);
    }

    @PostMapping("/campaigns")
    @Operation(summary = "Start a campaign over a plan's closed tasks chosen by section, lead unit subtree or refs (office)")
    ResponseEntity<LookBackCampaign> startCampaign(@RequestBody NewLookBackCampaign campaign, Caller caller) {
        if (campaign == null) {
            throw new InvalidInputException("error.unreadable");
        }
        LookBackCampaign started = scheduling.startCampaign(campaign, caller);
        return ResponseEntity.created(URI.create("/api/look-backs/campaigns")).body(started);
    }

    @GetMapping("/settings/{planId}")
    @Operation(summary = "A plan's look-back rounds (months after closing) and checking unit")
    LookBackSettings settings(@PathVariable long planId, Caller caller) {
        return scheduling.settings(planId, caller);
    }

    @PutMapping("/settings/{planId}")
    @Operation(summary = "Change a plan's look-back rounds and checking unit (office)")
    LookBackSettings changeSettings(@PathVariable long planId, @RequestBody LookBackSettings settings, Caller caller) {
        return scheduling.changeSettings(planId, settings, caller);
    }
}
