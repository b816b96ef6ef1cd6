package org.rectify.plans;

import org.rectify.access.DataScope;


/** Finds the demo plan's tasks by their reference, as the tests know them from the plan text. */
final class DemoTasks {

    private DemoTasks() {
    }

    static long planId(Plans plans) {
        return org.rectify.Demo.planId(plans);
    }

    static long id(TaskLedger ledger, String ref) {
        return ledger.find(LedgerFilter.ofPlan(null, LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL)
                .tasks().stream().filter(t -> t.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("demo plan has no task " + ref)).id();
    }
}
