/**
 * Plan intake: the plan text (and later the task-breakdown spreadsheet) becomes a draft, which the
 * office reviews and publishes into the ledger. The parser in {@code parser} is plain Java.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans"})
package org.rectify.intake;
