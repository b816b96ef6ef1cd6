/**
 * Closure (销号) and look-back (回头看): a task is closed only after its lead unit applied with evidence, the
 * acceptance unit verified it, the office approved it and the public saw it for the notice period without an
 * objection left open; closed tasks are looked back on so that they stay closed. Also the case dossier (一案一档).
 * Commands {@code plans}, reads {@code progress}, feeds {@code supervision} through their APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Closure",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans", "plans :: *", "progress", "supervision"})
package org.rectify.closure;
