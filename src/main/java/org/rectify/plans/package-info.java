/**
 * Inspections, findings, rectification plans and their tasks: units, the responsible person, milestones,
 * indicators, obligations, and the task lifecycle. The ledger (台账) is this module's read model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans",
        allowedDependencies = {"platform", "access", "units", "units :: *"})
package org.rectify.plans;
