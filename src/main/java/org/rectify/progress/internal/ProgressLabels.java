package org.rectify.progress.internal;

import org.rectify.platform.Messages;
import org.rectify.progress.CadenceKind;
import org.rectify.progress.ReportState;
import org.rectify.progress.ReportingCadence;
import org.rectify.progress.ReportingCycle;
import org.rectify.progress.SlotStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Texts the progress pages compose from several parts, in the user's language: a cycle's name, a report's state
 * with its days late, a cadence in one line. Templates call it as {@code @progressLabels}.
 */
@Component("progressLabels")
public class ProgressLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final Clock clock;

    ProgressLabels(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** 2025年3月 · 2025年第1季度 · 第3期（截至2025-03-25）. */
    public String cycle(ReportingCycle c) {
        if (c == null) {
            return "—";
        }
        return switch (c.kind()) {
            case MONTHLY -> messages.text("progress.cycle.label.MONTHLY", String.valueOf(c.periodEnd().getYear()),
                    String.valueOf(c.periodEnd().getMonthValue()));
            case QUARTERLY -> messages.text("progress.cycle.label.QUARTERLY", String.valueOf(c.periodEnd().getYear()),
                    String.valueOf((c.periodEnd().getMonthValue() + 2) / 3));
            case CUSTOM -> messages.text("progress.cycle.label.CUSTOM", String.valueOf(c.seq()), c.dueOn().toString());
        };
    }

    /**
     * A cycle with its deadline, where cycles are chosen: 2025年3月 · 截止 2025-03-25. A custom cycle's name already
     * names its deadline (第3期（截至2025-03-25）): said twice, the choice no longer fits a phone's width.
     */
    public String cycleWithDue(ReportingCycle c) {
        if (c == null || c.kind() == CadenceKind.CUSTOM) {
            return cycle(c);
        }
        return cycle(c) + " · " + messages.text("progress.cycle.due", c.dueOn().toString());
    }

    /** 已报送 · 逾期3天报送 · 逾期5天未报 · 未报送 … */
    public String state(SlotStatus s) {
        if (s.state() == ReportState.SUBMITTED && s.daysLate() > 0) {
            return messages.text("progress.state.submittedLate", String.valueOf(s.daysLate()));
        }
        if (s.state() == ReportState.LATE) {
            return messages.text("progress.state.lateDays", String.valueOf(s.daysLate()));
        }
        return messages.text("progress.state." + s.state());
    }

    /** 每月 · 25日前报送 · 宽限3天 · 需单位负责人审核. */
    public String cadence(ReportingCadence c) {
        if (c == null) {
            return messages.text("progress.cadence.none");
        }
        StringBuilder out = new StringBuilder(messages.text("progress.cadence.kind." + c.kind()));
        if (c.kind() != org.rectify.progress.CadenceKind.CUSTOM) {
            out.append(" · ").append(messages.text("progress.cadence.dueOnDay", String.valueOf(c.dueDay())));
        }
        if (c.graceDays() > 0) {
            out.append(" · ").append(messages.text("progress.cadence.graceOf", String.valueOf(c.graceDays())));
        }
        if (c.approvalRequired()) {
            out.append(" · ").append(messages.text("progress.cadence.needsApproval"));
        }
        return out.toString();
    }

    /** Days from today to the cycle's due date, for "还剩3天" / "已过5天". */
    public long daysToDue(ReportingCycle c) {
        return java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(clock), c.dueOn());
    }

    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(clock.getZone()));
    }
}
