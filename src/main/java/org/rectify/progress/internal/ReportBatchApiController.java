package org.rectify.progress.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.platform.Batch;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Approving several reports over JSON, as the to-do list's batch form does. */
@RestController
@Tag(name = "progress", description = "Reporting cycles, progress reports, evidence, matrix and compliance")
class ReportBatchApiController {

    /** The reports to approve. */
    record ApproveRequest(List<Long> reportIds) {
    }

    private final ReportBatches batches;

    ReportBatchApiController(ReportBatches batches) {
        this.batches = batches;
    }

    @PostMapping("/api/progress/reports/batch-approve")
    @Operation(summary = "The unit head approves several reports awaiting approval; each report in its own transaction, "
            + "a refused one (outcome REFUSED or NOT_FOUND, with the reason) does not undo the others. 404 when the caller "
            + "sees none of them; 422 for none or more than 200.")
    Batch.Result approve(@RequestBody ApproveRequest request, Caller caller) {
        return batches.approve(request.reportIds(), caller);
    }
}
