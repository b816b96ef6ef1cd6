package org.rectify.progress;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.rectify.progress.VersionStatus.AWAITING_APPROVAL;
import static org.rectify.progress.VersionStatus.DRAFT;
import static org.rectify.progress.VersionStatus.SUBMITTED;

/**
 * The report lifecycle as a table: each command on a lead unit's report of a cycle, who may give it, which version
 * it is given on and in which states, the state it leads to, and whether it needs a comment. {@link ProgressReports}
 * refuses what this refuses and the report page's buttons ({@link ReportActions#in}) are what it allows: one rule.
 * <p>
 * A version is DRAFT, AWAITING_APPROVAL (the unit head's, where the plan requires it) or SUBMITTED, and a submitted
 * version never changes. The cycle's report (its slot) is stored as DRAFT, AWAITING_APPROVAL, SUBMITTED or
 * RETURNED ({@link #slotAfter}); once a version counts as submitted, only a newer submission or the office's return
 * changes it.
 */
public enum ReportLifecycle {
    /** The first report of a cycle, as a draft (submitted at once by a following SUBMIT). */
    CREATE(Giver.WRITER, On.NO_REPORT_YET, Set.of(), DRAFT, false),
    /** Saving a draft's content or adding files to it. */
    SAVE(Giver.WRITER, On.LATEST, EnumSet.of(DRAFT), DRAFT, false),
    /** Submitting a draft: it counts at once, or waits for the head where the plan requires approval and staff submit. */
    SUBMIT(Giver.WRITER, On.LATEST, EnumSet.of(DRAFT), SUBMITTED, false),
    APPROVE(Giver.HEAD, On.ANY, EnumSet.of(AWAITING_APPROVAL), SUBMITTED, false),
    SEND_BACK(Giver.HEAD, On.ANY, EnumSet.of(AWAITING_APPROVAL), DRAFT, true),
    /** The office returns the version that counts; it stays submitted (never changed), the unit corrects it anew. */
    RETURN_TO_UNIT(Giver.OFFICE, On.COUNTING, EnumSet.of(SUBMITTED), SUBMITTED, true),
    /** A correction: a new draft version copying the latest, submitted one. */
    NEW_VERSION(Giver.WRITER, On.LATEST, EnumSet.of(SUBMITTED), DRAFT, false),
    /** A supporting unit's text and files beside the lead unit's report; no version changes. */
    CONTRIBUTE(Giver.SUPPORTER, On.CYCLE, Set.of(), null, false);

    /** Who may give a command, seen from the report's lead unit. */
    public enum Giver {
        /** Unit staff or head of the lead unit (or a unit above it), while the task is being reported on. */
        WRITER,
        /** The head of the lead unit (or of a unit above it). */
        HEAD,
        /** The office, supervisors and administrators (the roles that manage tasks). */
        OFFICE,
        /** Staff or head of a supporting unit, while the task is being reported on. */
        SUPPORTER;

        boolean needsReportingTask() {
            return this == WRITER || this == SUPPORTER;
        }
    }

    /** Which version of the cycle's report a command is given on. */
    public enum On {
        /** None yet: the cycle has no report from this unit. */
        NO_REPORT_YET,
        /** The cycle's latest version. */
        LATEST,
        /** Any version in the right state. */
        ANY,
        /** The version that counts as submitted, while not already returned. */
        COUNTING,
        /** The cycle, whatever its report's versions. */
        CYCLE
    }

    /** The caller as the lifecycle sees them, for one report. */
    public record Who(boolean unitRole, boolean head, boolean office, boolean ofUnit, boolean supporting) {

        public static final Who STAFF = new Who(true, false, false, true, false);
        public static final Who HEAD_OF_UNIT = new Who(true, true, false, true, false);
        public static final Who THE_OFFICE = new Who(false, false, true, false, false);
    }

    /** The version a command is given on, as far as the lifecycle cares. */
    public record Version(VersionStatus status, boolean latest, boolean counts, boolean returned) {
    }

    /**
     * Everything a command is checked against: the caller, whether the task is being reported on (assigned, in
     * progress, ongoing, reopened), whether its plan requires the head's approval, and the version (null: none yet).
     */
    public record Situation(Who who, boolean taskReporting, boolean approvalRequired, Version version) {
    }

    /** Why a command is refused, in the order they are checked: who, the task, the version. */
    public enum Refusal {
        ONLY_UNITS(Kind.FORBIDDEN, "progress.report.onlyUnits"),
        NOT_YOUR_UNIT(Kind.FORBIDDEN, "progress.report.notYourUnit"),
        NOT_HEAD(Kind.FORBIDDEN, "progress.report.approveForbidden"),
        NOT_OFFICE(Kind.FORBIDDEN, "progress.report.returnForbidden"),
        CONTRIBUTION_ONLY_UNITS(Kind.FORBIDDEN, "progress.contribution.onlyUnits"),
        NOT_SUPPORTING(Kind.FORBIDDEN, "progress.contribution.notSupporting"),
        TASK_NOT_REPORTING(Kind.CONFLICT, "progress.report.taskNotReporting"),
        ALREADY_REPORTED(Kind.CONFLICT, "progress.report.alreadyReported"),
        NOT_EDITABLE(Kind.CONFLICT, "progress.report.notEditable"),
        NOT_AWAITING_APPROVAL(Kind.CONFLICT, "progress.report.notAwaitingApproval"),
        NOT_RETURNABLE(Kind.CONFLICT, "progress.report.notReturnable"),
        VERSION_OPEN(Kind.CONFLICT, "progress.report.versionOpen");

        /** 403 (the role or unit may not) or 409 (the state does not allow it now). */
        public enum Kind { FORBIDDEN, CONFLICT }

        private final Kind kind;
        private final String messageKey;

        Refusal(Kind kind, String messageKey) {
            this.kind = kind;
            this.messageKey = messageKey;
        }

        public Kind kind() {
            return kind;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Giver giver;
    private final On on;
    private final Set<VersionStatus> from;
    private final VersionStatus to;
    private final boolean needsComment;

    ReportLifecycle(Giver giver, On on, Set<VersionStatus> from, VersionStatus to, boolean needsComment) {
        this.giver = giver;
        this.on = on;
        this.from = from;
        this.to = to;
        this.needsComment = needsComment;
    }

    public Giver giver() {
        return giver;
    }

    public On on() {
        return on;
    }

    public boolean allowedFrom(VersionStatus status) {
        return from.contains(status);
    }

    public boolean needsComment() {
        return needsComment;
    }

    /** Whether the plan's "the head approves" setting decides where this command leads. */
    public boolean followsPlanApproval() {
        return this == SUBMIT;
    }

    /** The state the version is in after the command (NEW_VERSION: the new version's), null for CONTRIBUTE. */
    public VersionStatus target(Situation s) {
        if (followsPlanApproval() && s.approvalRequired() && !s.who().head()) {
            return AWAITING_APPROVAL;
        }
        return to;
    }

    public boolean allows(Situation s) {
        return refusal(s).isEmpty();
    }

    /** The first reason the command is refused in this situation, or none. */
    public Optional<Refusal> refusal(Situation s) {
        Refusal who = whoRefusal(s.who());
        if (who != null) {
            return Optional.of(who);
        }
        if (giver.needsReportingTask() && !s.taskReporting()) {
            return Optional.of(Refusal.TASK_NOT_REPORTING);
        }
        return Optional.ofNullable(versionRefusal(s.version()));
    }

    private Refusal whoRefusal(Who who) {
        return switch (giver) {
            case WRITER -> !who.unitRole() ? Refusal.ONLY_UNITS : !who.ofUnit() ? Refusal.NOT_YOUR_UNIT : null;
            case HEAD -> who.head() && who.ofUnit() ? null : Refusal.NOT_HEAD;
            case OFFICE -> who.office() ? null : Refusal.NOT_OFFICE;
            case SUPPORTER -> !who.unitRole() ? Refusal.CONTRIBUTION_ONLY_UNITS
                    : !who.supporting() ? Refusal.NOT_SUPPORTING : null;
        };
    }

    private Refusal versionRefusal(Version v) {
        return switch (on) {
            case CYCLE -> null;
            case NO_REPORT_YET -> v == null ? null : Refusal.ALREADY_REPORTED;
            case LATEST, ANY, COUNTING -> v != null && from.contains(v.status()) && (on != On.LATEST || v.latest())
                    && (on != On.COUNTING || (v.counts() && !v.returned())) ? null : stateRefusal();
        };
    }

    private Refusal stateRefusal() {
        return switch (this) {
            case SAVE, SUBMIT -> Refusal.NOT_EDITABLE;
            case APPROVE, SEND_BACK -> Refusal.NOT_AWAITING_APPROVAL;
            case RETURN_TO_UNIT -> Refusal.NOT_RETURNABLE;
            case NEW_VERSION -> Refusal.VERSION_OPEN;
            case CREATE -> Refusal.ALREADY_REPORTED;
            case CONTRIBUTE -> null;
        };
    }

    /**
     * The slot's stored state after the command, or empty when it stays as it is. {@code before}: the slot's state
     * (null for CREATE); {@code aVersionCounts}: a version of the cycle already counts as submitted, so a draft or
     * an approval round on a correction does not make the cycle's report look unsubmitted.
     */
    public Optional<ReportState> slotAfter(Situation s, ReportState before, boolean aVersionCounts) {
        ReportState after = switch (this) {
            case CREATE -> ReportState.DRAFT;
            case RETURN_TO_UNIT -> ReportState.RETURNED;
            case SUBMIT, APPROVE, SEND_BACK -> target(s) == SUBMITTED ? ReportState.SUBMITTED
                    : aVersionCounts ? before : target(s) == DRAFT ? ReportState.DRAFT : ReportState.AWAITING_APPROVAL;
            case SAVE, NEW_VERSION, CONTRIBUTE -> before;
        };
        return after == before ? Optional.empty() : Optional.of(after);
    }
}
