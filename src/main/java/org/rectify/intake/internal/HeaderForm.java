package org.rectify.intake.internal;

import org.rectify.intake.PlanHeader;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The plan header fields of the intake forms, as text; dates read here so a typo is a field error. */
public class HeaderForm {

    private String planTitle;
    private String issuingBody;
    private String issuedOn;
    private String inspectionName;
    private String inspectionTeam;
    private String feedbackDate;
    private int version;

    static HeaderForm of(StoredDraft d) {
        HeaderForm f = new HeaderForm();
        PlanHeader h = d.header();
        f.planTitle = h.planTitle() != null ? h.planTitle() : d.parsedTitle();
        f.issuingBody = h.issuingBody();
        f.issuedOn = h.issuedOn() == null ? null : h.issuedOn().toString();
        f.inspectionName = h.inspectionName();
        f.inspectionTeam = h.inspectionTeam();
        f.feedbackDate = h.feedbackDate() == null ? null : h.feedbackDate().toString();
        f.version = d.version();
        return f;
    }

    PlanHeader toHeader(Map<String, String> errors) {
        return new PlanHeader(inspectionName, inspectionTeam, date(feedbackDate, "feedbackDate", errors), planTitle,
                issuingBody, date(issuedOn, "issuedOn", errors));
    }

    private static LocalDate date(String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "intake.card.dateInvalid");
            return null;
        }
    }

    public String getPlanTitle() {
        return planTitle;
    }

    public void setPlanTitle(String planTitle) {
        this.planTitle = planTitle;
    }

    public String getIssuingBody() {
        return issuingBody;
    }

    public void setIssuingBody(String issuingBody) {
        this.issuingBody = issuingBody;
    }

    public String getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(String issuedOn) {
        this.issuedOn = issuedOn;
    }

    public String getInspectionName() {
        return inspectionName;
    }

    public void setInspectionName(String inspectionName) {
        this.inspectionName = inspectionName;
    }

    public String getInspectionTeam() {
        return inspectionTeam;
    }

    public void setInspectionTeam(String inspectionTeam) {
        this.inspectionTeam = inspectionTeam;
    }

    public String getFeedbackDate() {
        return feedbackDate;
    }

    public void setFeedbackDate(String feedbackDate) {
        this.feedbackDate = feedbackDate;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
