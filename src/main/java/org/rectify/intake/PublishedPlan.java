package org.rectify.intake;

/** The outcome of publishing a draft: the plan, and how many of its tasks were new. */
public record PublishedPlan(long planId, int created, int alreadyPresent) {
}
