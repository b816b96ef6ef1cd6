package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.platform.Paging;
import org.rectify.supervision.Circular;
import org.rectify.supervision.CircularPeriod;
import org.rectify.supervision.CircularSummary;
import org.rectify.supervision.CircularText;
import org.rectify.supervision.Circulars;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** Circulars (通报) as JSON; the .docx is served by {@link CircularController}. */
@RestController
@RequestMapping("/api/supervision/circulars")
@Tag(name = "supervision", description = "Warning levels and schedule status of tasks")
class CircularApiController {

    /** A circular to draft: the period (default: the previous calendar month) and, optionally, one plan. */
    record NewCircular(LocalDate from, LocalDate to, Long planId) {
    }

    /** The version the publisher saw; optional. */
    record Publication(Integer version) {
    }

    private final Circulars circulars;

    CircularApiController(Circulars circulars) {
        this.circulars = circulars;
    }

    @GetMapping
    @Operation(summary = "Circulars the caller may read: drafts (office, supervision office, leaders) and published ones "
            + "(everyone); " + SupervisionApiController.PAGED)
    ResponseEntity<java.util.List<CircularSummary>> list(@RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size, Caller caller) {
        return circulars.page(caller, Paging.of(page, size)).asArray();
    }

    @PostMapping
    @Operation(summary = "Draft a circular from the facts of a period in the caller's scope (office, supervision office)")
    ResponseEntity<Circular> draft(@RequestBody(required = false) NewCircular request, Caller caller) {
        CircularPeriod period = request == null || (request.from() == null && request.to() == null)
                ? CircularPeriod.previousMonth(circulars.today()) : new CircularPeriod(request.from(), request.to());
        long id = circulars.draft(period, request == null ? null : request.planId(), caller);
        return ResponseEntity.created(URI.create("/api/supervision/circulars/" + id)).body(circulars.get(id, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One circular with its text and the facts it was drafted from; a draft is 404 for unit users")
    Circular get(@PathVariable long id, Caller caller) {
        return circulars.get(id, caller);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft's title, addressees, body and issuer: {\"version\": n, ...}; 409 if it changed since n or is published")
    Circular edit(@PathVariable long id, @RequestBody CircularText text, Caller caller) {
        return circulars.edit(id, text, caller);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft (office): numbered per year (rectify.supervision.circular-number); optional {\"version\": n}")
    Circular publish(@PathVariable long id, @RequestBody(required = false) Publication publication, Caller caller) {
        return circulars.publish(id, publication == null ? null : publication.version(), caller);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft (office); a published circular cannot be deleted (409)")
    ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
        circulars.delete(id, caller);
        return ResponseEntity.noContent().build();
    }
}
