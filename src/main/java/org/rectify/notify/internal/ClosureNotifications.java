package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.closure.ClosureAdvanced;
import org.rectify.closure.ObjectionReceived;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Who hears of the closure procedure: the lead units when their application is sent back, published or closed; the
 * acceptance unit when it is named; the office running the plan of objections, once a day per closure whatever the
 * number of objections (the public form must not flood a mailbox).
 */
@Component
class ClosureNotifications {

    private final Dispatcher dispatcher;
    private final TaskLedger tasks;
    private final Accounts accounts;
    private final Clock clock;
    private final PlanShortNames shortNames;

    ClosureNotifications(Dispatcher dispatcher, TaskLedger tasks, Accounts accounts, Clock clock, PlanShortNames shortNames) {
        this.clock = clock;
        this.shortNames = shortNames;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(ClosureAdvanced event) {
        String link = "/closure/" + event.closureId();
        String key = "closure:" + event.closureId() + ":" + event.step() + ":" + event.occurredAt().toEpochMilli();
        switch (event.step()) {
            case "fail-verification", "return", "approve", "close" -> {
                TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
                List<Long> units = task.leadUnitIds();
                dispatcher.dispatch(Audience.accounts(accounts.ofUnits(units, Role.UNIT_STAFF, Role.UNIT_HEAD))
                                .andPerson(task.responsiblePersonId()).concerning(units),
                        Outgoing.about(task.id(), "CLOSURE_" + event.step().toUpperCase().replace('-', '_'), key, link,
                                "notify.closure." + event.step(), shortNames.label(task.id(), task.ref()), event.number() == null ? "" : event.number(),
                                event.reason() == null ? "" : event.reason()));
            }
            case "assign-verification" -> {
                if (event.acceptanceUnitId() != null) {
                    dispatcher.dispatch(Audience.accounts(accounts.ofUnits(List.of(event.acceptanceUnitId()), Role.values())),
                            Outgoing.about(event.taskId(), "CLOSURE_VERIFY", key, link, "notify.closure.verify",
                                    shortNames.label(event.taskId(), event.taskRef())));
                }
            }
            default -> {
            }
        }
    }

    @ApplicationModuleListener
    void on(ObjectionReceived event) {
        if (event.officeUnitId() == null) {
            return; // a plan without an office: its administrators see the objection on the closure desk
        }
        String day = event.occurredAt().atZone(clock.getZone()).toLocalDate().toString();
        dispatcher.dispatch(Audience.accounts(accounts.ofUnits(List.of(event.officeUnitId()), Role.OFFICE)),
                Outgoing.about(event.taskId(), "CLOSURE_OBJECTION", "objection:" + event.closureId() + ":" + day,
                        "/closure/" + event.closureId(), "notify.closure.objection",
                        shortNames.label(event.taskId(), event.taskRef())));
    }
}
