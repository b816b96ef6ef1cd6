package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityAction;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 约谈 and 问责 concerning the task, only in the dossiers of those who may see accountability (the office, the
 * supervision office, leaders, administrators: {@link Accountability#maySee}); a unit's own copy leaves it out.
 */
@Component
class AccountabilitySection implements DossierSection {

    private final Accountability accountability;
    private final DossierPages pages;

    AccountabilitySection(Accountability accountability, DossierPages pages) {
        this.accountability = accountability;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        if (!Accountability.maySee(caller)) {
            return Optional.empty();
        }
        List<AccountabilityAction> list = accountability.ofTask(task.id(), caller).stream()
                .sorted(Comparator.comparing(AccountabilityAction::recordedAt).thenComparing(AccountabilityAction::id)).toList();
        Instant last = list.stream().map(a -> DossierText.instant(a.recordedAt())).reduce(null, DossierText::latest);
        return Optional.of(new DossierPart("accountability", "dossier.section.accountability",
                pages.fragment("accountability", Map.of("actions", list)), List.of(), last));
    }
}
