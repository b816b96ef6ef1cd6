package org.rectify.plans;

/**
 * A figure counted on the dashboard, in the briefing and filtered in the ledger (台账): each has one definition,
 * {@link TaskFigureConditions#of}, so "12 overdue" on the dashboard is the same 12 tasks the ledger lists.
 */
public enum TaskFigure {
    /** 已销号 */
    CLOSED,
    /** 长期坚持 */
    ONGOING,
    /** 达到序时进度 */
    ON_SCHEDULE,
    /** 未达到序时进度 */
    BEHIND,
    /** 逾期 */
    OVERDUE,
    /** 反弹（重启） */
    RELAPSED,
    /** 红色预警 */
    RED,
    /** 黄色预警 */
    YELLOW,
    /** 蓝色预警 */
    BLUE
}
