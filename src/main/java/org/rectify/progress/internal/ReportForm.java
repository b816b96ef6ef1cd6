package org.rectify.progress.internal;

import org.rectify.plans.Indicator;
import org.rectify.plans.TaskDetail;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.Phase;
import org.rectify.progress.ReportContent;
import org.rectify.progress.ReportDetail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report form as the browser posts it (multipart): the content, one measurement row per indicator of the task,
 * obligation records (each with its minutes), links, files, and attachments to remove. Blank rows are dropped; the
 * field errors of the content are mapped back to the rows the user sees.
 */
public class ReportForm {

    private static final Pattern ROW = Pattern.compile("^(measurements|obligationRecords|links)\\[(\\d+)](.*)$");

    private Long taskId;
    private Long cycleId;
    private Long unitId;
    private String workDone;
    private Phase phase;
    private Boolean onSchedule;
    private String problems;
    private String nextSteps;
    private List<MeasurementRow> measurements = new ArrayList<>();
    private List<ObligationRow> obligationRecords = new ArrayList<>();
    private List<LinkRow> links = new ArrayList<>();
    private List<MultipartFile> files = new ArrayList<>();
    private List<Long> removeAttachmentIds = new ArrayList<>();
    private String action;

    public static class MeasurementRow {
        private String indicatorName;
        private String value;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate asOf;
        private String source;

        boolean isBlank() {
            return blank(value) && asOf == null && blank(source);
        }

        public String getIndicatorName() { return indicatorName; }
        public void setIndicatorName(String indicatorName) { this.indicatorName = indicatorName; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public LocalDate getAsOf() { return asOf; }
        public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
        public String getSource() { return source; }
        public void setSource(String source) { this.source = source; }
    }

    public static class ObligationRow {
        private Long id;
        private String subject;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate heldOn;
        private String body;
        private String topic;
        private MultipartFile minutes;
        private boolean remove;

        boolean isBlank() {
            return remove || (id == null && heldOn == null && blank(body) && blank(topic) && !EvidenceUploads.chosen(minutes));
        }

        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getSubject() { return subject; }
        public void setSubject(String subject) { this.subject = subject; }
        public LocalDate getHeldOn() { return heldOn; }
        public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public String getTopic() { return topic; }
        public void setTopic(String topic) { this.topic = topic; }
        public MultipartFile getMinutes() { return minutes; }
        public void setMinutes(MultipartFile minutes) { this.minutes = minutes; }
    }

    public static class LinkRow {
        private String url;
        private String title;

        boolean isBlank() {
            return blank(url) && blank(title);
        }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
    }

    /** An empty form for a task: a row per indicator, a blank obligation record when the task has obligations. */
    static ReportForm blank(TaskDetail task, long cycleId, long unitId) {
        ReportForm f = new ReportForm();
        f.taskId = task.id();
        f.cycleId = cycleId;
        f.unitId = unitId;
        return f.withRows(task);
    }

    /** The form of a draft being edited. */
    static ReportForm of(ReportDetail r, TaskDetail task) {
        ReportForm f = new ReportForm();
        f.taskId = r.taskId();
        f.cycleId = r.cycle().id();
        f.unitId = r.unitId();
        f.workDone = r.workDone();
        f.phase = r.phase();
        f.onSchedule = r.onSchedule();
        f.problems = r.problems();
        f.nextSteps = r.nextSteps();
        for (ReportDetail.Measurement m : r.measurements()) {
            MeasurementRow row = new MeasurementRow();
            row.indicatorName = m.indicatorName();
            row.value = m.value().stripTrailingZeros().toPlainString();
            row.asOf = m.asOf();
            row.source = m.source();
            f.measurements.add(row);
        }
        for (ReportDetail.ObligationRecord o : r.obligationRecords()) {
            ObligationRow row = new ObligationRow();
            row.id = o.id();
            row.subject = o.subject();
            row.heldOn = o.heldOn();
            row.body = o.body();
            row.topic = o.topic();
            f.obligationRecords.add(row);
        }
        for (ReportDetail.Attachment a : r.attachments()) {
            if (a.isLink()) {
                LinkRow row = new LinkRow();
                row.url = a.url();
                row.title = a.title();
                f.links.add(row);
            }
        }
        return f.withRows(task);
    }

    /** Pads the rows the page shows: every indicator has its row, one blank obligation record and two blank links. */
    ReportForm withRows(TaskDetail task) {
        for (Indicator i : task.indicators()) {
            if (measurements.stream().noneMatch(m -> i.name().equals(m.indicatorName))) {
                MeasurementRow row = new MeasurementRow();
                row.indicatorName = i.name();
                measurements.add(row);
            }
        }
        while (!task.obligations().isEmpty() && obligationRecords.stream().filter(o -> o.id == null && o.isBlank()).count() < 2) {
            ObligationRow row = new ObligationRow();
            row.subject = task.obligations().get(0).subject();
            obligationRecords.add(row);
        }
        while (links.stream().filter(LinkRow::isBlank).count() < 2) {
            links.add(new LinkRow());
        }
        return this;
    }

    boolean isSubmit() {
        return "submit".equals(action);
    }

    ReportContent toContent() {
        return new ReportContent(workDone, phase, onSchedule, problems, nextSteps,
                filled(measurements).stream().map(m -> new ReportContent.MeasurementEntry(m.indicatorName, m.value, m.asOf,
                        m.source)).toList(),
                filled(obligationRecords).stream().map(o -> new ReportContent.ObligationEntry(o.id, o.subject, o.heldOn,
                        o.body, o.topic)).toList(),
                filled(links).stream().map(l -> new ReportContent.LinkEntry(l.url, l.title)).toList());
    }

    /** The chosen minutes files, by the position of their record among the filled records. */
    Map<Integer, MultipartFile> minutes() {
        Map<Integer, MultipartFile> out = new LinkedHashMap<>();
        List<ObligationRow> filled = filled(obligationRecords);
        for (int i = 0; i < filled.size(); i++) {
            if (EvidenceUploads.chosen(filled.get(i).minutes)) {
                out.put(i, filled.get(i).minutes);
            }
        }
        return out;
    }

    /** Field errors of the content (rows counted among filled rows) as the form's rows are numbered. */
    Map<String, String> onFormRows(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher m = ROW.matcher(field);
            if (!m.matches()) {
                out.put(field, message);
                return;
            }
            List<?> rows = switch (m.group(1)) {
                case "measurements" -> measurements;
                case "obligationRecords" -> obligationRecords;
                default -> links;
            };
            int filledIndex = Integer.parseInt(m.group(2));
            int seen = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (!isBlankRow(rows.get(i)) && ++seen == filledIndex) {
                    out.put(m.group(1) + "[" + i + "]" + m.group(3), message);
                    return;
                }
            }
            out.put(field, message);
        });
        return out;
    }

    private static boolean isBlankRow(Object row) {
        return row instanceof MeasurementRow m ? m.isBlank()
                : row instanceof ObligationRow o ? o.isBlank() : ((LinkRow) row).isBlank();
    }

    private static <T> List<T> filled(List<T> rows) {
        return rows.stream().filter(r -> r != null && !isBlankRow(r)).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Long getTaskId() { return taskId; }
    public void setTaskId(Long taskId) { this.taskId = taskId; }
    public Long getCycleId() { return cycleId; }
    public void setCycleId(Long cycleId) { this.cycleId = cycleId; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getWorkDone() { return workDone; }
    public void setWorkDone(String workDone) { this.workDone = workDone; }
    public Phase getPhase() { return phase; }
    public void setPhase(Phase phase) { this.phase = phase; }
    public Boolean getOnSchedule() { return onSchedule; }
    public void setOnSchedule(Boolean onSchedule) { this.onSchedule = onSchedule; }
    public String getProblems() { return problems; }
    public void setProblems(String problems) { this.problems = problems; }
    public String getNextSteps() { return nextSteps; }
    public void setNextSteps(String nextSteps) { this.nextSteps = nextSteps; }
    public List<MeasurementRow> getMeasurements() { return measurements; }
    public void setMeasurements(List<MeasurementRow> measurements) { this.measurements = measurements; }
    public List<ObligationRow> getObligationRecords() { return obligationRecords; }
    public void setObligationRecords(List<ObligationRow> obligationRecords) { this.obligationRecords = obligationRecords; }
    public List<LinkRow> getLinks() { return links; }
    public void setLinks(List<LinkRow> links) { this.links = links; }
    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
    public List<Long> getRemoveAttachmentIds() { return removeAttachmentIds; }
    public void setRemoveAttachmentIds(List<Long> removeAttachmentIds) { this.removeAttachmentIds = removeAttachmentIds; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
}
