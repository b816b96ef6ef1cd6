package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;
import org.rectify.supervision.LeaderInstruction;
import org.rectify.supervision.LeaderInstructions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The leaders' instructions (批示) on the task, oldest first, with the lead units' answers. */
@Component
class InstructionsSection implements DossierSection {

    private final LeaderInstructions instructions;
    private final DossierPages pages;

    InstructionsSection(LeaderInstructions instructions, DossierPages pages) {
        this.instructions = instructions;
        this.pages = pages;
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public Optional<DossierPart> part(TaskDetail task, Caller caller) {
        List<LeaderInstruction> list = instructions.ofTask(task.id(), caller.scope()).stream()
                .sorted(Comparator.comparing(LeaderInstruction::givenAt).thenComparing(LeaderInstruction::id)).toList();
        Instant last = list.stream().map(i -> DossierText.latest(DossierText.instant(i.givenAt()), DossierText.instant(i.answeredAt())))
                .reduce(null, DossierText::latest);
        return Optional.of(new DossierPart("instructions", "dossier.section.instructions",
                pages.fragment("instructions", Map.of("instructions", list)), List.of(), last));
    }
}
