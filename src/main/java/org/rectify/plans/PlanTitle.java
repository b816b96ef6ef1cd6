package org.rectify.plans;

/**
 * A plan as a filter offers it, without {@link PlanSummary}'s task count: its full title and its short name (临沧2018,
 * null until its office names it), which the option shows so that a drop-down fits at 360 px.
 */
public record PlanTitle(long id, String title, String shortName) {
}
