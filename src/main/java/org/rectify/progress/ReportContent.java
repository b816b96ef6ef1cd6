package org.rectify.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * What a unit writes in a report: the work done this cycle (required), the phase, the self-assessment against the
 * schedule (达到 / 未达到序时进度), problems and next steps; measurements of the task's indicators; records of
 * obligations fulfilled (a meeting held); and links. Values arrive as typed, so a measurement that is not a number
 * is refused with its field named rather than failing to parse.
 */
public record ReportContent(String workDone, Phase phase, Boolean onSchedule, String problems, String nextSteps,
                            List<MeasurementEntry> measurements, List<ObligationEntry> obligationRecords,
                            List<LinkEntry> links) {

    public ReportContent {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        obligationRecords = obligationRecords == null ? List.of() : List.copyOf(obligationRecords);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** A value of an indicator, as of a date, and where it comes from (统计部门, 监测报告…). */
    public record MeasurementEntry(String indicatorName, String value, LocalDate asOf, String source) {
    }

    /**
     * An obligation fulfilled: when, by which body, on what topic; {@code id} names a record of the draft being
     * edited (its attached minutes stay with it), null a new one.
     */
    public record ObligationEntry(Long id, String subject, LocalDate heldOn, String body, String topic) {
    }

    /** A link to evidence kept elsewhere (a published notice, a news report). */
    public record LinkEntry(String url, String title) {
    }
}
