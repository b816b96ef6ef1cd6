package org.rectify.intake;

import org.rectify.access.Caller;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.PlanParser;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.plans.Indicator;
import org.rectify.plans.Milestone;
import org.rectify.plans.Obligation;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskContent;
import org.rectify.plans.Tasks;
import org.rectify.plans.UnitAssignment;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses plan text against the unit tree, and publishes a reviewed draft into the ledger. */
@Service
public class PlanIntake {

    private final Units units;
    private final Plans plans;
    private final Tasks tasks;

    PlanIntake(Units units, Plans plans, Tasks tasks) {
        this.units = units;
        this.plans = plans;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public DraftPlan parse(String text) {
        return new PlanParser().parse(text, unitTree());
    }

    /** Resolves mentions by the names, aliases and groups of the unit tree. */
    public UnitResolver unitTree() {
        return (name, group) -> units.resolve(name).map(ref ->
                new UnitMention(name, ref instanceof UnitReference.OfGroup, ref.id()));
    }

    /** Parses the text and publishes the draft as it stands (every unit it names must resolve). */
    @Transactional
    public PublishedPlan publishText(String text, PlanHeader header, boolean assign, Caller caller) {
        return publish(parse(text), header, assign, caller);
    }

    /**
     * Creates the plan (or finds it by title) and every task of the draft not yet in it, as DRAFT, or
     * ASSIGNED when {@code assign}. Publishing the same draft twice creates nothing the second time.
     */
    @Transactional
    public PublishedPlan publish(DraftPlan draft, PlanHeader header, boolean assign, Caller caller) {
        List<String> unresolved = new ArrayList<>();
        draft.tasks().forEach(t -> {
            t.leadUnits().stream().filter(m -> m.unitId() == null).forEach(m -> unresolved.add(t.ref() + "：" + m.name()));
            t.supportingUnits().stream().filter(m -> m.unitId() == null).forEach(m -> unresolved.add(t.ref() + "：" + m.name()));
        });
        if (!unresolved.isEmpty()) {
            throw new UnresolvedMentions(String.join("；", unresolved));
        }
        String title = header.planTitle() != null && !header.planTitle().isBlank() ? header.planTitle() : draft.title();
        Optional<Long> existing = plans.findByTitle(title);
        long planId = existing.orElseGet(() -> {
            Long inspectionId = header.inspectionName() == null ? null
                    : plans.createInspection(header.inspectionName(), header.inspectionTeam(), header.feedbackDate());
            return plans.createPlan(inspectionId, title, header.issuingBody(), header.issuedOn(), caller.unitId());
        });
        var present = existing.isEmpty() ? java.util.Set.<String>of()
                : tasks.refsOf(planId);
        int created = 0;
        for (DraftTask t : draft.tasks()) {
            if (present.contains(t.ref())) {
                continue;
            }
            long taskId = tasks.create(content(planId, t), caller);
            if (assign) {
                tasks.transition(taskId, TaskCommand.ASSIGN, null, caller);
            }
            created++;
        }
        return new PublishedPlan(planId, created, draft.tasks().size() - created);
    }

    static TaskContent content(long planId, DraftTask t) {
        List<Milestone> milestones = t.deadlines().stream()
                .map(d -> new Milestone(d.date(), deliverable(d, t), d.phrase())).toList();
        List<Indicator> indicators = t.indicators().stream()
                .map(i -> new Indicator(i.name(), Indicator.Comparator.ofSymbol(i.comparator()), i.value(), i.unit(),
                        i.due(), null, i.phrase())).toList();
        List<Obligation> obligations = t.obligations().stream()
                .map(o -> new Obligation(o.subject(), o.atLeast(), Obligation.Period.valueOf(o.per().toUpperCase(Locale.ROOT)),
                        o.from(), o.phrase())).toList();
        return new TaskContent(planId, t.ref(), t.title(), t.text(), null,
                assignment(t.leadUnits()), assignment(t.supportingUnits()), null,
                milestones, indicators, obligations, t.ongoing());
    }

    private static String deliverable(Deadline d, DraftTask t) {
        if (d.deliverable() != null && !d.deliverable().isBlank()) {
            return d.deliverable();
        }
        return t.title() != null ? t.title() : d.phrase();
    }

    private static UnitAssignment assignment(List<UnitMention> mentions) {
        return new UnitAssignment(
                mentions.stream().filter(m -> !m.group()).map(UnitMention::unitId).distinct().collect(Collectors.toList()),
                mentions.stream().filter(UnitMention::group).map(UnitMention::unitId).distinct().collect(Collectors.toList()));
    }
}
