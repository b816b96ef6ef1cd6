package org.rectify.supervision;

/** 序时进度: where a task stands against its dates. */
public enum ScheduleStatus {
    NOT_STARTED, ON_SCHEDULE, BEHIND, OVERDUE, DONE
}
