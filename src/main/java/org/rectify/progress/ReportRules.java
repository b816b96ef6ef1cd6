package org.rectify.progress;

import org.rectify.plans.Indicator;
import org.rectify.plans.Obligation;
import org.rectify.plans.TaskDetail;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a report must have to be saved; each broken rule is reported at its field. */
final class ReportRules {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 10_000;
    static final int MAX_SHORT = 500;
    static final int MAX_ROWS = 100;
    static final BigDecimal MAX_VALUE = new BigDecimal("1e15");

    private ReportRules() {
    }

    /**
     * Whether {@link #check} looks at the task's indicators and obligations for this content: only its measurements
     * and obligation records are checked against them (and only measurements take an indicator's unit when written).
     */
    static boolean needsTargets(ReportContent c) {
        return c != null && (!c.measurements().isEmpty() || !c.obligationRecords().isEmpty());
    }

    /**
     * Refuses content that breaks a rule. {@code task} must carry its indicators and obligations when
     * {@link #needsTargets} says so.
     */
    static void check(ReportContent c, TaskDetail task, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (c == null) {
            throw new ReportInvalid("workDone", "progress.report.workDoneRequired");
        }
        if (blank(c.workDone())) {
            errors.put("workDone", "progress.report.workDoneRequired");
        } else if (c.workDone().length() > MAX_TEXT) {
            errors.put("workDone", "progress.report.tooLong");
        }
        if (c.phase() == null) {
            errors.put("phase", "progress.report.phaseRequired");
        }
        if (c.onSchedule() == null) {
            errors.put("onSchedule", "progress.report.scheduleRequired");
        }
        if (c.problems() != null && c.problems().length() > MAX_NOTE) {
            errors.put("problems", "progress.report.tooLong");
        }
        if (c.nextSteps() != null && c.nextSteps().length() > MAX_NOTE) {
            errors.put("nextSteps", "progress.report.tooLong");
        }
        if (c.measurements().size() > MAX_ROWS || c.obligationRecords().size() > MAX_ROWS || c.links().size() > MAX_ROWS) {
            errors.put("measurements", "progress.report.tooManyRows");
        }
        Set<String> indicators = task.indicators().stream().map(Indicator::name).collect(Collectors.toSet());
        for (int i = 0; i < c.measurements().size(); i++) {
            ReportContent.MeasurementEntry m = c.measurements().get(i);
            String at = "measurements[" + i + "].";
            if (m == null || blank(m.indicatorName()) || !indicators.contains(m.indicatorName().strip())) {
                errors.put(at + "indicatorName", "progress.measurement.unknownIndicator");
                continue;
            }
            if (blank(m.value())) {
                errors.put(at + "value", "progress.measurement.valueRequired");
            } else if (number(m.value()) == null) {
                errors.put(at + "value", "progress.measurement.notANumber");
            }
            if (m.asOf() == null) {
                errors.put(at + "asOf", "progress.measurement.asOfRequired");
            } else if (m.asOf().isAfter(today)) {
                errors.put(at + "asOf", "progress.measurement.asOfFuture");
            }
            if (m.source() != null && m.source().length() > MAX_SHORT) {
                errors.put(at + "source", "progress.report.tooLong");
            }
        }
        Set<String> subjects = task.obligations().stream().map(Obligation::subject).collect(Collectors.toSet());
        for (int i = 0; i < c.obligationRecords().size(); i++) {
            ReportContent.ObligationEntry o = c.obligationRecords().get(i);
            String at = "obligationRecords[" + i + "].";
            if (o == null) {
                errors.put(at + "heldOn", "progress.obligation.heldOnRequired");
                continue;
            }
            if (!blank(o.subject()) && !subjects.contains(o.subject().strip())) {
                errors.put(at + "subject", "progress.obligation.unknownSubject");
            }
            if (o.heldOn() == null) {
                errors.put(at + "heldOn", "progress.obligation.heldOnRequired");
            } else if (o.heldOn().isAfter(today)) {
                errors.put(at + "heldOn", "progress.obligation.heldOnFuture");
            }
            if (blank(o.body()) && blank(o.topic())) {
                errors.put(at + "topic", "progress.obligation.bodyOrTopicRequired");
            }
            if ((o.body() != null && o.body().length() > MAX_SHORT) || (o.topic() != null && o.topic().length() > MAX_SHORT)) {
                errors.put(at + "topic", "progress.report.tooLong");
            }
        }
        for (int i = 0; i < c.links().size(); i++) {
            ReportContent.LinkEntry l = c.links().get(i);
            if (l == null || !isWebAddress(l.url())) {
                errors.put("links[" + i + "].url", "progress.link.invalid");
            } else if (l.title() != null && l.title().length() > MAX_SHORT) {
                errors.put("links[" + i + "].title", "progress.report.tooLong");
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportInvalid(errors);
        }
    }

    /** A number as people type it: 36, 36.5, 1,234.5, or in full-width digits; null when it is not one. */
    static BigDecimal number(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (char ch : typed.strip().toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                s.append((char) ('0' + (ch - '０')));
            } else if (ch == '．') {
                s.append('.');
            } else if (ch == '－') {
                s.append('-');
            } else if (ch != ',' && ch != '，' && ch != ' ') {
                s.append(ch);
            }
        }
        if (!s.toString().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        BigDecimal value = new BigDecimal(s.toString());
        return value.abs().compareTo(MAX_VALUE) >= 0 ? null : value;
    }

    static boolean isWebAddress(String url) {
        if (blank(url) || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
