package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns plan text into a draft plan. A task is an outline node (section, item or sub-item) that carries a
 * responsibility annotation; the other nodes are context. Matching runs on folded text (full-width and
 * ASCII punctuation alike); everything the draft quotes comes from the original text.
 * Stateless and thread-safe; never throws on any input.
 */
public final class PlanParser {

    private static final Pattern LIMIT_IMMEDIATE = Pattern.compile("立即|立行立改|即知即改");
    private static final Pattern LIMIT_ONGOING = Pattern.compile("长期|持续推进|持续开展|常态化");

    public DraftPlan parse(String text, UnitResolver resolver) {
        return parse(text, resolver, PlanDates.NONE);
    }

    /**
     * @param dates the plan's feedback and issue dates as the office states them; what is unknown there is read
     *              from the plan's preamble. Phrases without a year and relative ones are dated against them.
     */
    public DraftPlan parse(String text, UnitResolver resolver, PlanDates dates) {
        String original = text == null ? "" : text;
        UnitResolver units = resolver == null ? UnitResolver.NONE : resolver;
        String folded = TextFold.fold(original);
        List<PlanStructure.Node> nodes = PlanStructure.split(folded);
        PlanDates planDates = (dates == null ? PlanDates.NONE : dates)
            .orElse(PlanDates.infer(folded.substring(0, Math.min(folded.length(), nodes.get(0).ownEnd()))));
        List<List<ResponsibilityAnnotation>> annotationsByNode = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            annotationsByNode.add(new ArrayList<>());
        }
        for (ResponsibilityAnnotation a : ResponsibilityAnnotation.findAll(folded)) {
            annotationsByNode.get(nodeAt(nodes, a.start())).add(a);
        }

        List<DraftTask> tasks = new ArrayList<>();
        List<UnresolvedMention> unresolved = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        Set<String> refsSeen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<ResponsibilityAnnotation> annotations = annotationsByNode.get(i);
            if (annotations.isEmpty()) {
                continue;
            }
            PlanStructure.Node node = nodes.get(i);
            boolean hasTaskBelow = false;
            for (int j = i + 1; j < nodes.size() && nodes.get(j).start() < node.end(); j++) {
                hasTaskBelow |= !annotationsByNode.get(j).isEmpty();
            }
            // a task with no task below it owns its context sub-items (their text is its measures)
            int spanEnd = hasTaskBelow ? node.ownEnd() : node.end();
            tasks.add(task(original, folded, node, spanEnd, annotations, planDates, warnings));
            if (node.kind() == PlanStructure.Kind.LOOSE) {
                warnings.add(new ParseWarning(node.ref(),
                    "responsibility annotation outside the numbered outline, at offset " + annotations.get(0).start()));
            } else if (!refsSeen.add(node.ref())) {
                warnings.add(new ParseWarning(node.ref(), "reference " + node.ref() + " occurs more than once"));
            }
        }
        tasks = resolved(tasks, units, unresolved);
        if (tasks.isEmpty()) {
            warnings.add(new ParseWarning(null, "no responsibility annotation found, so no tasks"));
        }
        // node 0 is the text before the first heading (or appendix), where the title stands
        String title = Titles.planTitle(original, folded, 0, nodes.get(0).ownEnd());
        return new DraftPlan(title, tasks, unresolved, warnings);
    }

    private static int nodeAt(List<PlanStructure.Node> nodes, int offset) {
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo < hi) { // last node starting at or before offset
            int mid = (lo + hi + 1) >>> 1;
            if (nodes.get(mid).start() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static DraftTask task(String original, String folded, PlanStructure.Node node, int spanEnd,
                                  List<ResponsibilityAnnotation> annotations, PlanDates dates,
                                  List<ParseWarning> warnings) {
        String ref = node.ref();
        int sourceStart = skipSpace(folded, node.start(), spanEnd);
        int sourceEnd = trimEnd(folded, sourceStart, spanEnd);
        int contentStart = Math.min(Math.max(node.contentStart(), sourceStart), sourceEnd);

        StringBuilder b = new StringBuilder(sourceEnd - contentStart);
        int at = contentStart;
        for (ResponsibilityAnnotation a : annotations) {
            if (a.start() > at) {
                b.append(original, at, Math.min(a.start(), sourceEnd));
            }
            at = Math.max(at, a.end());
        }
        if (at < sourceEnd) {
            b.append(original, at, sourceEnd);
        }
        String text = tidy(b.toString());
        String textFolded = TextFold.fold(text);
        String title = node.kind() == PlanStructure.Kind.LOOSE ? null : Titles.heading(text);

        List<ParseWarning> own = new ArrayList<>();
        List<TimePhrase> phrases = DeadlineExtractor.scan(textFolded, false, dates);
        List<Deadline> deadlines = new ArrayList<>(DeadlineExtractor.deadlines(text, textFolded, phrases,
            msg -> own.add(new ParseWarning(ref, msg))));

        Map<String, UnitMention> lead = new LinkedHashMap<>();
        Map<String, UnitMention> supporting = new LinkedHashMap<>();
        Set<String> leaders = new java.util.LinkedHashSet<>();
        boolean ongoing = textFolded.contains("长期坚持");
        boolean immediate = textFolded.contains("立即");
        for (ResponsibilityAnnotation a : annotations) {
            if (!a.closed()) {
                own.add(new ParseWarning(ref, "responsibility annotation is not closed: " + a.texts(
                    ResponsibilityAnnotation.Role.LEAD)));
            }
            for (ResponsibilityAnnotation.Segment s : a.segments()) {
                switch (s.role()) {
                    case LEAD -> UnitNameNormalizer.normalize(s.text()).forEach(u -> lead.putIfAbsent(u.name(), u));
                    case SUPPORTING ->
                        UnitNameNormalizer.normalize(s.text()).forEach(u -> supporting.putIfAbsent(u.name(), u));
                    case LEADER -> {
                        for (String p : UnitNameNormalizer.splitTopLevel(s.text(), ",;、 ")) {
                            String name = UnitNameNormalizer.clean(p);
                            if (!name.isEmpty()) {
                                leaders.add(name);
                            }
                        }
                    }
                    case TIME_LIMIT -> {
                        String limit = s.text().strip();
                        ongoing |= LIMIT_ONGOING.matcher(limit).find();
                        immediate |= LIMIT_IMMEDIATE.matcher(limit).find();
                        List<TimePhrase> limitPhrases = DeadlineExtractor.scan(limit, true, dates);
                        for (Deadline d : DeadlineExtractor.deadlines(limit, limit, limitPhrases,
                            msg -> own.add(new ParseWarning(ref, msg)))) {
                            Deadline withTitle = d.withDeliverable(title);
                            // 整改时限：2019年6月底前 repeating a date the text already gives with its deliverable
                            boolean repeated = deadlines.stream().anyMatch(x -> x.date() != null
                                && x.date().equals(d.date()) && x.phrase() != null && d.phrase() != null
                                && TextFold.key(x.phrase()).equals(TextFold.key(d.phrase())));
                            if (!repeated && !deadlines.contains(withTitle)) {
                                deadlines.add(withTitle);
                            }
                        }
                    }
                }
            }
        }
        if (lead.isEmpty()) {
            own.add(new ParseWarning(ref, "no lead unit named in the responsibility annotation"));
        }
        List<Indicator> indicators = IndicatorExtractor.extract(text, textFolded, phrases);
        List<Obligation> obligations = ObligationExtractor.extract(text, textFolded, phrases,
            msg -> own.add(new ParseWarning(ref, msg)));
        warnings.addAll(own);
        // the units as written: resolved for the whole plan at once (resolved)
        return new DraftTask(ref, title, text, List.copyOf(lead.values()), List.copyOf(supporting.values()), deadlines,
            ongoing, immediate, indicators, obligations, List.copyOf(leaders), sourceStart, sourceEnd);
    }

    /**
     * The tasks with their units resolved, in order; the resolver first hears every name the rules may ask
     * about, so a unit tree in a database reads them in one statement instead of one (or three) per name.
     */
    private static List<DraftTask> resolved(List<DraftTask> tasks, UnitResolver resolver,
                                            List<UnresolvedMention> unresolved) {
        List<String> written = new ArrayList<>();
        for (DraftTask t : tasks) {
            t.leadUnits().forEach(m -> written.add(m.name()));
            t.supportingUnits().forEach(m -> written.add(m.name()));
        }
        MentionResolver.prefetch(written, resolver);
        List<DraftTask> out = new ArrayList<>(tasks.size());
        for (DraftTask t : tasks) {
            out.add(new DraftTask(t.ref(), t.title(), t.text(), resolve(t.ref(), t.leadUnits(), resolver, unresolved),
                resolve(t.ref(), t.supportingUnits(), resolver, unresolved), t.deadlines(), t.ongoing(), t.immediate(),
                t.indicators(), t.obligations(), t.leaders(), t.sourceStart(), t.sourceEnd()));
        }
        return out;
    }

    /** Resolves each mention as written, by the rules of {@link MentionResolver}; what the unit tree does not know stays (unitId null) and is listed for review. */
    private static List<UnitMention> resolve(String ref, Iterable<UnitMention> mentions, UnitResolver resolver,
                                             List<UnresolvedMention> unresolved) {
        List<UnitMention> out = new ArrayList<>();
        for (UnitMention m : mentions) {
            Optional<UnitMention> found = MentionResolver.resolve(m, resolver);
            if (found.isPresent()) {
                out.add(found.get());
            } else {
                out.add(m);
                unresolved.add(new UnresolvedMention(ref, m.name()));
            }
        }
        return out;
    }

    /** Line breaks as \n, each line stripped, blank lines dropped. */
    static String tidy(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int lineStart = 0;
        while (lineStart <= s.length()) {
            int end = lineStart;
            while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            String t = s.substring(lineStart, end).strip();
            if (!t.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(t);
            }
            lineStart = end + 1; // \r\n leaves an empty line between, which is dropped
        }
        return b.toString();
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int end) {
        while (end > from && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
