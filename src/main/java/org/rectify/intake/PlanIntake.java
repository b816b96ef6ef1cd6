package org.rectify.intake;

import org.rectify.access.Caller;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.PlanDates;
import org.rectify.intake.parser.PlanParser;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.plans.Indicator;
import org.rectify.plans.Milestone;
import org.rectify.plans.Obligation;
import org.rectify.plans.Plans;
import org.rectify.plans.ResponsiblePerson;
import org.rectify.plans.TaskContent;
import org.rectify.plans.Tasks;
import org.rectify.plans.UnitAssignment;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Parses plan text against the unit tree, and publishes a reviewed draft into the ledger. */
@Service
public class PlanIntake {

    private final Units units;
    private final Plans plans;
    private final Tasks tasks;
    private final ApplicationEventPublisher events;

    PlanIntake(Units units, Plans plans, Tasks tasks, ApplicationEventPublisher events) {
        this.events = events;
        this.units = units;
        this.plans = plans;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public DraftPlan parse(String text) {
        return new PlanParser().parse(text, unitTree());
    }

    /** The draft, with phrases such as 年底前 and 反馈后3个月内 dated by these plan dates (else by the preamble's). */
    @Transactional(readOnly = true)
    public DraftPlan parse(String text, PlanDates dates) {
        return new PlanParser().parse(text, unitTree(), dates);
    }

    /**
     * Resolves mentions by the names, aliases and groups of the unit tree; answers with the tree's name. Each name is
     * looked up once per resolver (one is made per parse): a plan names the same units again and again, and a name's
     * variants that miss cost three statements each. The parser names them all first ({@code prefetch}): one
     * statement for a province's plan of 818 units, not some 2,000.
     */
    public UnitResolver unitTree() {
        Map<String, Optional<UnitMention>> known = new HashMap<>();
        return new UnitResolver() {
            @Override
            public Optional<UnitMention> resolve(String name, boolean group) {
                return known.computeIfAbsent(name, n -> units.resolve(n).map(PlanIntake::mention));
            }

            @Override
            public void prefetch(Collection<String> names) {
                List<String> unknown = names.stream().filter(n -> !known.containsKey(n)).toList();
                Map<String, UnitReference> found = units.resolveAll(unknown);
                unknown.forEach(n -> known.put(n, Optional.ofNullable(found.get(n)).map(PlanIntake::mention)));
            }
        };
    }

    private static UnitMention mention(UnitReference ref) {
        return new UnitMention(ref.name(), ref instanceof UnitReference.OfGroup, ref.id());
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
        return publish(draft, List.of(), header, assign, caller);
    }

    /**
     * What a reviewed draft adds to a parsed task: its measures (整改措施) and its one responsible person
     * (责任人, a name, optionally with the post in parentheses: {@code 张三（副局长）}). Both optional.
     */
    public record TaskDetails(String measures, String responsible) {

        public static final TaskDetails NONE = new TaskDetails(null, null);
    }

    /**
     * As {@link #publish(DraftPlan, PlanHeader, boolean, Caller)}, with the details of each task of the draft
     * ({@code details.get(i)} belongs to {@code draft.tasks().get(i)}; missing entries mean none).
     */
    @Transactional
    public PublishedPlan publish(DraftPlan draft, List<TaskDetails> details, PlanHeader header, boolean assign,
                                 Caller caller) {
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
        List<TaskContent> missing = new ArrayList<>();
        for (int i = 0; i < draft.tasks().size(); i++) {
            DraftTask t = draft.tasks().get(i);
            if (present.contains(t.ref())) {
                continue;
            }
            TaskDetails d = i < details.size() && details.get(i) != null ? details.get(i) : TaskDetails.NONE;
            missing.add(content(planId, t, d));
        }
        // the plan's new tasks in one batch: a few statements for the whole plan, not a few per task (issue 14)
        int created = tasks.createAll(planId, missing, assign, caller).size();
        events.publishEvent(new PlanPublished(planId, created, draft.tasks().size() - created, caller.signature()));
        return new PublishedPlan(planId, created, draft.tasks().size() - created);
    }

    static TaskContent content(long planId, DraftTask t) {
        return content(planId, t, TaskDetails.NONE);
    }

    static TaskContent content(long planId, DraftTask t, TaskDetails details) {
        List<Milestone> milestones = t.deadlines().stream()
                .map(d -> new Milestone(d.date(), deliverable(d, t), d.phrase())).toList();
        List<Indicator> indicators = t.indicators().stream()
                .map(i -> new Indicator(i.name(), Indicator.Comparator.ofSymbol(i.comparator()), i.value(), i.unit(),
                        i.due(), null, i.phrase())).toList();
        List<Obligation> obligations = t.obligations().stream()
                .map(o -> new Obligation(o.subject(), o.atLeast(), Obligation.Period.valueOf(o.per().toUpperCase(Locale.ROOT)),
                        o.from(), o.phrase())).toList();
        return new TaskContent(planId, t.ref(), t.title(), t.text(), blankToNull(details.measures()),
                assignment(t.leadUnits()), assignment(t.supportingUnits()), responsible(details.responsible(), t),
                milestones, indicators, obligations, t.ongoing());
    }

    /** 张三 or 张三（副局长）, in the first lead unit that is a single unit (not a group). */
    private static ResponsiblePerson responsible(String written, DraftTask t) {
        String s = blankToNull(written);
        if (s == null) {
            return null;
        }
        String name = s;
        String post = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.+?)\\s*[(（](.+)[)）]$").matcher(s);
        if (m.matches()) {
            name = m.group(1).strip();
            post = m.group(2).strip();
        }
        Long unitId = t.leadUnits().stream().filter(u -> !u.group() && u.unitId() != null)
                .map(UnitMention::unitId).findFirst().orElse(null);
        return new ResponsiblePerson(name, post, unitId, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
