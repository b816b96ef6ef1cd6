package org.rectify.progress.internal;

import org.rectify.access.Caller;
import org.rectify.platform.ListExport;
import org.rectify.platform.Messages;
import org.rectify.progress.CycleMatrix;
import org.rectify.progress.ProgressViews;
import org.rectify.progress.ReportState;
import org.rectify.progress.ReportingCycles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The cycle matrix as .xlsx with the page's filter ({@code /progress/matrix?planId=…&format=xlsx}): one row per task
 * and lead unit, every row of the matrix at once (computed once, not page by page).
 */
@Controller
@ResponseBody
class MatrixExport {

    private record Line(CycleMatrix.Row row, CycleMatrix.Cell cell) {
    }

    private final ProgressViews views;
    private final ReportingCycles cycles;
    private final Messages messages;
    private final Clock clock;

    MatrixExport(ProgressViews views, ReportingCycles cycles, Messages messages, Clock clock) {
        this.clock = clock;
        this.views = views;
        this.cycles = cycles;
        this.messages = messages;
    }

    @GetMapping(value = "/progress/matrix", params = {"format=xlsx", "planId"})
    void export(Caller caller, @RequestParam long planId, @RequestParam(required = false) Long cycleId,
                @RequestParam(required = false) Long unitId, @RequestParam(required = false) String section,
                @RequestParam(required = false) ReportState state, HttpServletResponse response) throws IOException {
        cycles.extend(planId);
        List<Line> lines = new ArrayList<>();
        CycleMatrix first = views.wholeMatrix(caller, planId, cycleId, unitId, section, state);
        first.rows().forEach(row -> row.cells().forEach(cell -> lines.add(new Line(row, cell))));
        String title = messages.text("progress.matrix.title");
        String cycle = first.cycle() == null ? "" : first.cycle().periodStart() + " — " + first.cycle().dueOn();
        ListExport.of(messages.text("export.title", title + " · " + first.planTitle() + " · " + cycle, cycles.today()), lines, clock.getZone())
                .column(messages.text("progress.export.ref"), l -> l.row().ref())
                .column(messages.text("progress.task"), l -> l.row().title())
                .column(messages.text("progress.export.unit"), l -> l.cell().unitName())
                .column(messages.text("progress.state"), l -> stateText(l.cell()))
                .download(title + ".xlsx", response);
    }

    private String stateText(CycleMatrix.Cell cell) {
        var s = cell.status();
        if (s.state() == ReportState.SUBMITTED && s.daysLate() > 0) {
            return messages.text("progress.state.submittedLate", s.daysLate());
        }
        if (s.state() == ReportState.LATE && s.daysLate() > 0) {
            return messages.text("progress.state.lateDays", s.daysLate());
        }
        return messages.text("progress.state." + s.state());
    }
}
