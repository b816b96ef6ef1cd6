/**
 * Progress reporting: each plan's reporting cadence and cycles; lead units' reports every cycle (drafted, approved
 * by the unit head where the plan requires it, submitted, returned by the office, corrected as new versions);
 * supporting units' contributions; indicator measurements and obligation records; and the evidence store, where
 * files are kept content-addressed by SHA-256. Top-level types are the module's API; {@code internal} the rest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans", "plans :: *"})
package org.rectify.progress;
