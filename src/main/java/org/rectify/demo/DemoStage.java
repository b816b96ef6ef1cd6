package org.rectify.demo;

/** What every step of one demo load shares: its calendar and the people who act in it. */
record DemoStage(DemoTimeline timeline, DemoCallers callers) {
}
