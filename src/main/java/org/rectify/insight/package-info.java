/**
 * Insight (驾驶舱): the dashboard of leaders and the office, the unit page, the briefing for the progress meeting and the
 * ledger as .xlsx. Reads the other modules' published facts; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"platform", "access", "units", "units :: *", "plans", "plans :: *", "progress", "progress :: *", "supervision",
                "supervision :: *", "closure"})
package org.rectify.insight;
