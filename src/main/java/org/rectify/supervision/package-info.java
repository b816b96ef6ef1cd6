/**
 * Supervision (督办): each task's schedule status and warning level, derived from its deadlines,
 * milestones and lifecycle every night and on every event that can change them; and the supervision desk.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans", "plans :: *", "progress", "progress :: *"})
package org.rectify.supervision;
