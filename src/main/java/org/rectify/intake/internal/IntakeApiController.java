package org.rectify.intake.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PublishedPlan;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.PlanText;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnresolvedMention;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The intake API: the draft of a plan text (the same JSON as the {@code parse-plan} command, units resolved
 * against the unit tree), and stored drafts to fetch, correct and publish. Office and administrators only.
 */
@RestController
@RequestMapping("/api/intake")
@Tag(name = "intake", description = "Plan intake: parse, review and publish plans; task breakdowns as .xlsx")
class IntakeApiController {

    private final DraftReview review;
    private final ReviewUnits reviewUnits;

    IntakeApiController(DraftReview review, ReviewUnits reviewUnits) {
        this.review = review;
        this.reviewUnits = reviewUnits;
    }

    /** A plan text given as JSON. */
    record TextBody(String text) {
    }

    /** A new draft: the plan text and, optionally, the plan header. */
    record NewDraft(String text, PlanHeader header) {
    }

    /** Changes to a stored draft: the header (at the draft's version), and tasks (each at its own version). */
    record DraftUpdate(Integer version, PlanHeader header, List<TaskUpdate> tasks) {
    }

    /** A task's new content; a field left out (null) stays as it is. Units by unitId, or by name. */
    record TaskUpdate(Long id, Integer version, String ref, String title, String text, String measures,
                      String responsible, List<UnitMention> leadUnits, List<UnitMention> supportingUnits,
                      List<Deadline> deadlines, Boolean ongoing, List<Indicator> indicators,
                      List<Obligation> obligations) {
    }

    /** Resolving a unit mention: to the unit or group named {@code target}, or adding it as a unit's alias. */
    record Resolution(String mention, String target, boolean alias) {
    }

    record Resolved(int resolved, DraftView draft) {
    }

    record Publication(Boolean assign) {
    }

    /** A stored draft. */
    record DraftView(long id, int version, String sourceKind, String sourceName, String title, PlanHeader header,
                     List<TaskView> tasks, List<UnresolvedMention> unresolved, List<ParseWarning> warnings,
                     Long publishedPlanId, String createdBy, OffsetDateTime createdAt, String updatedBy,
                     OffsetDateTime updatedAt, String sourceText) {

        static DraftView of(StoredDraft d) {
            return new DraftView(d.id(), d.version(), d.kind().name(), d.sourceName(), d.planTitle(), d.header(),
                    d.cards().stream().map(TaskView::of).toList(), d.unresolved(), d.allWarnings(), d.publishedPlanId(),
                    d.createdBy(), d.createdAt(), d.updatedBy(), d.updatedAt(), d.sourceText());
        }
    }

    /** A task of a stored draft, with the version a change must name. */
    record TaskView(long id, int version, String ref, String title, String text, String measures, String finding,
                    String responsible, List<UnitMention> leadUnits, List<UnitMention> supportingUnits,
                    List<Deadline> deadlines, boolean ongoing, boolean immediate, List<Indicator> indicators,
                    List<Obligation> obligations, List<String> leaders, List<String> warnings, int sourceStart,
                    int sourceEnd, Integer row) {

        static TaskView of(StoredCard s) {
            DraftCard c = s.card();
            return new TaskView(s.id(), s.version(), c.ref(), c.title(), c.text(), c.measures(), c.finding(),
                    c.responsible(), c.leadUnits(), c.supportingUnits(), c.deadlines(), c.ongoing(), c.immediate(),
                    c.indicators(), c.obligations(), c.leaders(), c.warnings(), c.sourceStart(), c.sourceEnd(), c.row());
        }
    }

    // ---- the draft of a text, not stored

    @PostMapping(path = "/plan-text", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The draft of a plan text (text/plain body), units resolved against the unit tree")
    DraftPlan planText(@RequestBody byte[] body,
                       @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                       Caller caller) {
        return review.parseText(decode(body, contentType), caller).toDraftPlan();
    }

    @PostMapping(path = "/plan-text", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The draft of a plan text given as {\"text\": …}")
    DraftPlan planTextJson(@RequestBody TextBody body, Caller caller) {
        return review.parseText(body == null ? null : body.text(), caller).toDraftPlan();
    }

    @PostMapping(path = "/plan-text", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The draft of an uploaded plan: .txt, .docx, or a task breakdown .xlsx")
    DraftPlan planTextFile(@RequestParam(name = "file", required = false) MultipartFile file,
                           @RequestParam(name = "text", required = false) String text, Caller caller) {
        return parsed(file, text, caller).toDraftPlan();
    }

    // ---- stored drafts

    @GetMapping("/drafts")
    @Operation(summary = "The drafts the caller's office may see, most recently changed first")
    List<DraftStore.DraftSummary> drafts(Caller caller) {
        return review.recent(caller);
    }

    @PostMapping(path = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store the draft of a plan text ({\"text\", \"header\"}) for review")
    ResponseEntity<DraftView> create(@RequestBody NewDraft body, Caller caller) {
        ParsedSource parsed = review.parseText(body == null ? null : body.text(), caller);
        return created(review.create(parsed, body.header(), caller));
    }

    @PostMapping(path = "/drafts", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Store the draft of a plan text (text/plain body) for review")
    ResponseEntity<DraftView> createFromText(@RequestBody byte[] body,
                                             @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                             Caller caller) {
        return created(review.create(review.parseText(decode(body, contentType), caller), null, caller));
    }

    @PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Store the draft of an uploaded plan (.txt, .docx, .xlsx) with the plan header fields")
    ResponseEntity<DraftView> createFromFile(@RequestParam(name = "file", required = false) MultipartFile file,
                                             @RequestParam(name = "text", required = false) String text,
                                             @RequestParam(required = false) String planTitle,
                                             @RequestParam(required = false) String issuingBody,
                                             @RequestParam(required = false) String issuedOn,
                                             @RequestParam(required = false) String inspectionName,
                                             @RequestParam(required = false) String inspectionTeam,
                                             @RequestParam(required = false) String feedbackDate,
                                             Caller caller) {
        HeaderForm form = new HeaderForm();
        form.setPlanTitle(planTitle);
        form.setIssuingBody(issuingBody);
        form.setIssuedOn(issuedOn);
        form.setInspectionName(inspectionName);
        form.setInspectionTeam(inspectionTeam);
        form.setFeedbackDate(feedbackDate);
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        PlanHeader header = form.toHeader(errors);
        review.recent(caller);
        if (!errors.isEmpty()) {
            throw new IntakeRejected(errors, "error.invalid");
        }
        return created(review.create(parsed(file, text, caller), header, caller));
    }

    @GetMapping("/drafts/{id}")
    @Operation(summary = "A stored draft with its tasks (each with the version a change must name)")
    DraftView draft(@PathVariable long id, Caller caller) {
        return DraftView.of(review.get(id, caller));
    }

    @PutMapping("/drafts/{id}")
    @Operation(summary = "Change the header (at the draft's version) and tasks (each at its version); 409 if stale")
    DraftView update(@PathVariable long id, @RequestBody DraftUpdate update, Caller caller) {
        StoredDraft draft = review.get(id, caller);
        List<DraftReview.CardChange> changes = new ArrayList<>();
        for (TaskUpdate t : update.tasks() == null ? List.<TaskUpdate>of() : update.tasks()) {
            if (t == null || t.id() == null || t.version() == null) {
                throw new IntakeRejected(java.util.Map.of("tasks", "intake.api.taskIdAndVersion"),
                        "intake.api.taskIdAndVersion");
            }
            DraftCard before = draft.card(t.id()).orElseThrow(() -> new DraftNotFound(id)).card();
            changes.add(new DraftReview.CardChange(t.id(), t.version(), apply(before, t)));
        }
        return DraftView.of(review.update(id, update.version(), update.header(), changes, caller));
    }

    @PostMapping("/drafts/{id}/resolve")
    @Operation(summary = "Resolve a unit mention everywhere in the draft: to a unit or group, or as a unit's new alias")
    Resolved resolve(@PathVariable long id, @RequestBody Resolution r, Caller caller) {
        int n = r.alias() ? review.addAlias(id, r.mention(), r.target(), caller)
                : review.choose(id, r.mention(), r.target(), caller);
        return new Resolved(n, DraftView.of(review.get(id, caller)));
    }

    @PostMapping("/drafts/{id}/publish")
    @Operation(summary = "Publish into the ledger as DRAFT, or ASSIGNED with {\"assign\": true}; publishing again adds nothing twice")
    PublishedPlan publish(@PathVariable long id, @RequestBody(required = false) Publication p, Caller caller) {
        return review.publish(id, p != null && Boolean.TRUE.equals(p.assign()), caller);
    }

    @DeleteMapping("/drafts/{id}")
    @Operation(summary = "Discard a draft")
    ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
        review.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    // ---- helpers

    private ParsedSource parsed(MultipartFile file, String text, Caller caller) {
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                return review.parse(PlanUpload.read(file.getOriginalFilename(), in), caller);
            } catch (IOException e) {
                throw new IntakeRejected("intake.upload.unreadable");
            }
        }
        if (text != null && !text.isBlank()) {
            return review.parseText(text, caller);
        }
        review.recent(caller);
        throw new IntakeRejected("intake.upload.nothing");
    }

    private static ResponseEntity<DraftView> created(StoredDraft draft) {
        return ResponseEntity.created(URI.create("/api/intake/drafts/" + draft.id())).body(DraftView.of(draft));
    }

    /**
     * The charset the request names, unless it names UTF-8 (or none): then UTF-8, or GB18030 for bytes that are not
     * UTF-8 (clients often claim UTF-8 for whatever they send).
     */
    private static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            Charset charset = type == null ? null : type.getCharset();
            return charset != null && !charset.equals(java.nio.charset.StandardCharsets.UTF_8)
                    ? new String(body, charset) : PlanText.read(body);
        } catch (IOException | RuntimeException e) {
            throw new IntakeRejected("intake.upload.notText");
        }
    }

    private DraftCard apply(DraftCard c, TaskUpdate t) {
        return new DraftCard(t.ref() != null ? t.ref() : c.ref(), t.title() != null ? t.title() : c.title(),
                t.text() != null ? t.text() : c.text(), t.measures() != null ? t.measures() : c.measures(), c.finding(),
                t.responsible() != null ? t.responsible() : c.responsible(),
                t.leadUnits() != null ? reviewUnits.given(t.leadUnits()) : c.leadUnits(),
                t.supportingUnits() != null ? reviewUnits.given(t.supportingUnits()) : c.supportingUnits(),
                t.deadlines() != null ? t.deadlines() : c.deadlines(), t.ongoing() != null ? t.ongoing() : c.ongoing(),
                c.immediate(), t.indicators() != null ? t.indicators() : c.indicators(),
                t.obligations() != null ? t.obligations() : c.obligations(), c.leaders(), List.of(), c.sourceStart(),
                c.sourceEnd(), c.row());
    }
}
