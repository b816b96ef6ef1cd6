package org.rectify.plans.internal;

import org.rectify.plans.AssignedUnit;
import org.rectify.plans.Indicator;
import org.rectify.plans.Milestone;
import org.rectify.plans.Obligation;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskContent;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.UnitAssignment;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The task form as the browser posts it. Rows of milestones, indicators and obligations come with a few
 * blank rows to fill in; blank rows are dropped, half-filled ones are reported.
 */
public class TaskForm {

    static final int BLANK_ROWS = 2;

    private Long planId;
    private String ref;
    private String title;
    private String text;
    private String measures;
    private List<Long> leadUnitIds = new ArrayList<>();
    private List<Long> leadGroupIds = new ArrayList<>();
    private List<Long> supportingUnitIds = new ArrayList<>();
    private List<Long> supportingGroupIds = new ArrayList<>();
    private String responsibleName;
    private String responsiblePost;
    private Long responsibleUnitId;
    private String responsiblePhone;
    private List<MilestoneRow> milestones = new ArrayList<>();
    private List<IndicatorRow> indicators = new ArrayList<>();
    private List<ObligationRow> obligations = new ArrayList<>();
    private boolean ongoing;
    private int version;

    public static class MilestoneRow {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueOn;
        private String deliverable;
        private String phrase;

        boolean isBlank() {
            return dueOn == null && isEmpty(deliverable);
        }

        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public String getDeliverable() { return deliverable; }
        public void setDeliverable(String deliverable) { this.deliverable = deliverable; }
        public String getPhrase() { return phrase; }
        public void setPhrase(String phrase) { this.phrase = phrase; }
    }

    public static class IndicatorRow {
        private String name;
        private Indicator.Comparator comparator = Indicator.Comparator.AT_LEAST;
        private BigDecimal targetValue;
        private String unitOfMeasure;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueOn;
        private BigDecimal baseline;
        private String phrase;

        boolean isBlank() {
            return isEmpty(name) && targetValue == null;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Indicator.Comparator getComparator() { return comparator; }
        public void setComparator(Indicator.Comparator comparator) { this.comparator = comparator; }
        public BigDecimal getTargetValue() { return targetValue; }
        public void setTargetValue(BigDecimal targetValue) { this.targetValue = targetValue; }
        public String getUnitOfMeasure() { return unitOfMeasure; }
        public void setUnitOfMeasure(String unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
        public LocalDate getDueOn() { return dueOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public BigDecimal getBaseline() { return baseline; }
        public void setBaseline(BigDecimal baseline) { this.baseline = baseline; }
        public String getPhrase() { return phrase; }
        public void setPhrase(String phrase) { this.phrase = phrase; }
    }

    public static class ObligationRow {
        private String subject;
        private Integer atLeast;
        private Obligation.Period per = Obligation.Period.YEAR;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        private String phrase;

        boolean isBlank() {
            return isEmpty(subject) && atLeast == null;
        }

        public String getSubject() { return subject; }
        public void setSubject(String subject) { this.subject = subject; }
        public Integer getAtLeast() { return atLeast; }
        public void setAtLeast(Integer atLeast) { this.atLeast = atLeast; }
        public Obligation.Period getPer() { return per; }
        public void setPer(Obligation.Period per) { this.per = per; }
        public LocalDate getStartsOn() { return startsOn; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public String getPhrase() { return phrase; }
        public void setPhrase(String phrase) { this.phrase = phrase; }
    }

    static TaskForm blank(Long planId) {
        TaskForm form = new TaskForm();
        form.planId = planId;
        return form.withBlankRows();
    }

    static TaskForm of(TaskDetail task) {
        TaskForm f = new TaskForm();
        f.planId = task.planId();
        f.ref = task.ref();
        f.title = task.title();
        f.text = task.text();
        f.measures = task.measures();
        f.leadUnitIds = new ArrayList<>(task.leadUnits().stream().filter(u -> u.groupId() == null).map(AssignedUnit::unitId).toList());
        f.leadGroupIds = new ArrayList<>(task.leadUnits().stream().map(AssignedUnit::groupId).filter(Objects::nonNull).distinct().toList());
        f.supportingUnitIds = new ArrayList<>(task.supportingUnits().stream().filter(u -> u.groupId() == null).map(AssignedUnit::unitId).toList());
        f.supportingGroupIds = new ArrayList<>(task.supportingUnits().stream().map(AssignedUnit::groupId).filter(Objects::nonNull).distinct().toList());
        if (task.responsible() != null) {
            f.responsibleName = task.responsible().name();
            f.responsiblePost = task.responsible().post();
            f.responsibleUnitId = task.responsible().unitId();
            f.responsiblePhone = task.responsible().phone();
        }
        task.milestones().forEach(m -> {
            MilestoneRow row = new MilestoneRow();
            row.dueOn = m.dueOn();
            row.deliverable = m.deliverable();
            row.phrase = m.phrase();
            f.milestones.add(row);
        });
        task.indicators().forEach(i -> {
            IndicatorRow row = new IndicatorRow();
            row.name = i.name();
            row.comparator = i.comparator();
            row.targetValue = i.targetValue();
            row.unitOfMeasure = i.unitOfMeasure();
            row.dueOn = i.dueOn();
            row.baseline = i.baseline();
            row.phrase = i.phrase();
            f.indicators.add(row);
        });
        task.obligations().forEach(o -> {
            ObligationRow row = new ObligationRow();
            row.subject = o.subject();
            row.atLeast = o.atLeast();
            row.per = o.per();
            row.startsOn = o.startsOn();
            row.phrase = o.phrase();
            f.obligations.add(row);
        });
        f.ongoing = task.ongoing();
        f.version = task.version();
        return f.withBlankRows();
    }

    /** Adds blank rows to fill in, up to {@link #BLANK_ROWS} more than are filled. */
    TaskForm withBlankRows() {
        milestones.removeIf(MilestoneRow::isBlank);
        indicators.removeIf(IndicatorRow::isBlank);
        obligations.removeIf(ObligationRow::isBlank);
        for (int i = 0; i < BLANK_ROWS; i++) {
            milestones.add(new MilestoneRow());
            indicators.add(new IndicatorRow());
            obligations.add(new ObligationRow());
        }
        return this;
    }

    TaskContent toContent() {
        ResponsiblePerson responsible = isEmpty(responsibleName) ? null
                : new ResponsiblePerson(responsibleName.strip(), trim(responsiblePost), responsibleUnitId, trim(responsiblePhone));
        return new TaskContent(planId == null ? 0 : planId, trim(ref), trim(title), text, trim(measures),
                new UnitAssignment(leadUnitIds, leadGroupIds), new UnitAssignment(supportingUnitIds, supportingGroupIds),
                responsible,
                milestones.stream().filter(m -> !m.isBlank())
                        .map(m -> new Milestone(m.dueOn, trim(m.deliverable), trim(m.phrase))).toList(),
                indicators.stream().filter(i -> !i.isBlank())
                        .map(i -> new Indicator(trim(i.name), i.comparator, i.targetValue, trim(i.unitOfMeasure), i.dueOn,
                                i.baseline, trim(i.phrase))).toList(),
                obligations.stream().filter(o -> !o.isBlank())
                        .map(o -> new Obligation(trim(o.subject), o.atLeast == null ? 0 : o.atLeast, o.per, o.startsOn,
                                trim(o.phrase))).toList(),
                ongoing);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return isEmpty(s) ? null : s.strip();
    }

    public Long getPlanId() { return planId; }
    public void setPlanId(Long planId) { this.planId = planId; }
    public String getRef() { return ref; }
    public void setRef(String ref) { this.ref = ref; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getMeasures() { return measures; }
    public void setMeasures(String measures) { this.measures = measures; }
    public List<Long> getLeadUnitIds() { return leadUnitIds; }
    public void setLeadUnitIds(List<Long> leadUnitIds) { this.leadUnitIds = leadUnitIds; }
    public List<Long> getLeadGroupIds() { return leadGroupIds; }
    public void setLeadGroupIds(List<Long> leadGroupIds) { this.leadGroupIds = leadGroupIds; }
    public List<Long> getSupportingUnitIds() { return supportingUnitIds; }
    public void setSupportingUnitIds(List<Long> supportingUnitIds) { this.supportingUnitIds = supportingUnitIds; }
    public List<Long> getSupportingGroupIds() { return supportingGroupIds; }
    public void setSupportingGroupIds(List<Long> supportingGroupIds) { this.supportingGroupIds = supportingGroupIds; }
    public String getResponsibleName() { return responsibleName; }
    public void setResponsibleName(String responsibleName) { this.responsibleName = responsibleName; }
    public String getResponsiblePost() { return responsiblePost; }
    public void setResponsiblePost(String responsiblePost) { this.responsiblePost = responsiblePost; }
    public Long getResponsibleUnitId() { return responsibleUnitId; }
    public void setResponsibleUnitId(Long responsibleUnitId) { this.responsibleUnitId = responsibleUnitId; }
    public String getResponsiblePhone() { return responsiblePhone; }
    public void setResponsiblePhone(String responsiblePhone) { this.responsiblePhone = responsiblePhone; }
    public List<MilestoneRow> getMilestones() { return milestones; }
    public void setMilestones(List<MilestoneRow> milestones) { this.milestones = milestones; }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public void setIndicators(List<IndicatorRow> indicators) { this.indicators = indicators; }
    public List<ObligationRow> getObligations() { return obligations; }
    public void setObligations(List<ObligationRow> obligations) { this.obligations = obligations; }
    public boolean isOngoing() { return ongoing; }
    public void setOngoing(boolean ongoing) { this.ongoing = ongoing; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
