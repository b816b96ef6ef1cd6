package org.rectify.intake.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.access.Caller;
import org.rectify.plans.PlanSummary;
import org.rectify.plans.Plans;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A plan's task breakdown as .xlsx, for the page and the API alike. Everyone may export; each gets the tasks
 * of their own data scope (a unit's staff: their unit's tasks).
 */
@RestController
@Tag(name = "intake", description = "Plan intake: parse, review and publish plans; task breakdowns as .xlsx")
class BreakdownController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Plans plans;
    private final BreakdownExport export;

    BreakdownController(Plans plans, BreakdownExport export) {
        this.plans = plans;
        this.export = export;
    }

    @GetMapping({"/plans/{planId}/breakdown.xlsx", "/api/plans/{planId}/breakdown.xlsx"})
    @Operation(summary = "The plan's task breakdown (.xlsx), the caller's tasks only; imports back as a draft")
    void breakdown(@PathVariable long planId, Caller caller, HttpServletResponse response) throws IOException {
        PlanSummary plan = plans.visible(planId, caller.scope());
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(plan.title()) + "-任务分解表.xlsx", StandardCharsets.UTF_8).build().toString());
        export.write(plan, caller.scope(), response.getOutputStream()); // streamed: rows leave as the tasks are read
    }

    /** The title without what a file name may not hold, and not endless. */
    static String fileName(String title) {
        String s = title.replaceAll("[\\\\/:*?\"<>|\\r\\n\\t]", "_").strip();
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
