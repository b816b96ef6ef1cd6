package org.rectify.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.rectify.platform.ForbiddenException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "plans", description = "Inspections and their rectification plans")
class PlanApiController {

    /** A plan, optionally with the inspection it answers (created with it). */
    record NewPlan(String inspectionName, String inspectionTeam, LocalDate feedbackDate,
                   String title, String issuingBody, LocalDate issuedOn) {
    }

    private final Plans plans;

    PlanApiController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "The plans the caller sees (its unit's, and those of the tasks in its scope), with how many tasks each has")
    List<PlanSummary> list(Caller caller) {
        return plans.visibleFor(caller.scope());
    }

    @GetMapping("/{id}")
    PlanSummary get(@PathVariable long id, Caller caller) {
        return plans.visible(id, caller.scope());
    }

    @PostMapping
    @Operation(summary = "Create a plan (office)")
    ResponseEntity<PlanSummary> create(@RequestBody NewPlan plan, Caller caller) {
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("task.editForbidden");
        }
        Long inspection = plan.inspectionName() == null || plan.inspectionName().isBlank() ? null
                : plans.createInspection(plan.inspectionName(), plan.inspectionTeam(), plan.feedbackDate());
        long id = plans.createPlan(inspection, plan.title(), plan.issuingBody(), plan.issuedOn(), caller.unitId());
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(plans.get(id));
    }
}
