package org.rectify.intake.internal;

import org.rectify.intake.parser.Titles;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.PlanParser;
import org.rectify.intake.parser.TextFold;
import org.rectify.intake.parser.MentionResolver;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitNameNormalizer;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.platform.ErrorHandling.RowError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task breakdown becomes a draft: one task per row, 序号 its reference, 整改任务 its text (整改措施 when
 * there is no 整改任务 column), units read with the parser's unit-name rules (市发展改革委、财政局 is two
 * units) and resolved against the unit tree, 整改时限 read as deadlines, 整改目标 read for indicators, the
 * text and measures for recurring duties. A row that cannot be read is reported by its number, and then
 * nothing of the file is taken. The draft's source text is the rows written out, one block per row.
 */
final class BreakdownImport {

    static final int MAX_REF = 40;
    /** Appended to the title row by the export; taken off again on import. */
    static final String TITLE_SUFFIX = " · 任务分解表";
    /** The title row of the blank template: not a plan's title. */
    static final String TEMPLATE_TITLE = "整改任务分解表";

    /** Worded like the parser's warnings (stored as data, shown through the bundles by {@link WarningText}). */
    static final String NO_LEAD_UNIT = "no lead unit named in the 责任单位 column";

    record Result(String title, String sourceText, List<DraftCard> cards) {
    }

    private BreakdownImport() {
    }

    static Result read(byte[] bytes, String filename, UnitResolver resolver) {
        BreakdownSheet.Content sheet = BreakdownSheet.read(bytes);
        List<RowError> errors = new ArrayList<>();
        List<DraftCard> cards = new ArrayList<>();
        Map<String, Integer> refRows = new HashMap<>();
        StringBuilder source = new StringBuilder();
        String title = title(sheet, filename);
        source.append(title == null ? "" : title + "\n\n");
        List<String> named = new ArrayList<>();
        for (BreakdownSheet.SheetRow row : sheet.rows()) {
            for (BreakdownColumn units : List.of(BreakdownColumn.LEAD, BreakdownColumn.SUPPORTING)) {
                UnitNameNormalizer.normalize(row.get(units)).forEach(m -> named.add(m.name()));
            }
        }
        MentionResolver.prefetch(named, resolver); // the sheet's unit names in one statement, not one or three each
        for (BreakdownSheet.SheetRow row : sheet.rows()) {
            int before = errors.size();
            String ref = TextFold.key(row.get(BreakdownColumn.REF));
            if (ref.isEmpty()) {
                errors.add(new RowError(row.number(), "intake.import.refMissing"));
            } else if (ref.length() > MAX_REF) {
                errors.add(new RowError(row.number(), "intake.import.refTooLong", MAX_REF));
            } else if (refRows.containsKey(ref)) {
                errors.add(new RowError(row.number(), "intake.import.refRepeated", ref, refRows.get(ref)));
            } else {
                refRows.put(ref, row.number());
            }
            String task = row.get(BreakdownColumn.TASK);
            String measures = row.get(BreakdownColumn.MEASURES);
            String text = task.isEmpty() ? measures : task;
            if (text.isEmpty()) {
                errors.add(new RowError(row.number(), "intake.import.textMissing"));
            }
            DeadlineCell.Reading limit = DeadlineCell.read(row.get(BreakdownColumn.DEADLINE), row.deadlineDate());
            if (limit.invalid() != null) {
                errors.add(new RowError(row.number(), "intake.import.badDate", limit.invalid()));
            } else if (limit.unreadable()) {
                errors.add(new RowError(row.number(), "intake.import.unreadableDeadline", row.get(BreakdownColumn.DEADLINE)));
            }
            if (errors.size() > before) {
                continue;
            }
            int start = source.length();
            appendRow(source, row, sheet.columns());
            int end = source.length();
            source.append("\n\n");
            cards.add(card(row, ref, text, task.isEmpty() ? null : measures, limit, resolver, start, end));
        }
        if (!errors.isEmpty()) {
            throw new IntakeRejected(errors);
        }
        return new Result(title, source.toString().stripTrailing(), cards);
    }

    private static DraftCard card(BreakdownSheet.SheetRow row, String ref, String text, String measures,
                                  DeadlineCell.Reading limit, UnitResolver resolver, int start, int end) {
        List<UnitMention> lead = resolve(row.get(BreakdownColumn.LEAD), resolver);
        List<UnitMention> supporting = resolve(row.get(BreakdownColumn.SUPPORTING), resolver);
        String title = Titles.heading(text); // as the parser takes a heading
        List<Deadline> deadlines = limit.deadlines();
        LocalDate last = deadlines.stream().map(Deadline::date).max(Comparator.naturalOrder()).orElse(null);
        List<Indicator> indicators = extracted(row.get(BreakdownColumn.TARGET)).indicators().stream()
                .map(i -> i.due() != null ? i : new Indicator(i.name(), i.comparator(), i.value(), i.unit(), last, i.phrase()))
                .toList();
        String duties = DeadlineCell.flatten(text) + (measures == null || measures.isEmpty() ? "" : "；" + DeadlineCell.flatten(measures));
        List<Obligation> obligations = extracted(duties).obligations();
        List<String> warnings = new ArrayList<>(limit.warnings());
        if (lead.isEmpty()) {
            warnings.add(NO_LEAD_UNIT);
        }
        return new DraftCard(ref, title, text, blankToNull(measures), blankToNull(row.get(BreakdownColumn.FINDING)),
                blankToNull(row.get(BreakdownColumn.RESPONSIBLE)), lead, supporting, deadlines, limit.ongoing(),
                limit.immediate(), indicators, obligations, List.of(), warnings, start, end, row.number());
    }

    /** What the parser reads in a piece of text: a task of its own, made by an empty time-limit label. */
    private static org.rectify.intake.parser.DraftTask extracted(String text) {
        String flat = DeadlineCell.flatten(text).replace('(', '〔').replace(')', '〕')
                .replace('（', '〔').replace('）', '〕');
        DraftPlan plan = new PlanParser().parse("（整改时限：）" + flat, UnitResolver.NONE);
        return plan.tasks().isEmpty()
                ? new org.rectify.intake.parser.DraftTask("", null, "", List.of(), List.of(), List.of(), false, false,
                List.of(), List.of(), List.of(), 0, 0)
                : plan.tasks().get(0);
    }

    /** The unit names of a cell, by the parser's rules, each resolved against the unit tree if it can be. */
    static List<UnitMention> resolve(String cell, UnitResolver resolver) {
        Map<String, UnitMention> out = new LinkedHashMap<>();
        List<UnitMention> written = UnitNameNormalizer.normalize(cell);
        MentionResolver.prefetch(written.stream().map(UnitMention::name).toList(), resolver);
        for (UnitMention m : written) {
            UnitMention r = MentionResolver.resolve(m, resolver).orElse(m); // the name as written is kept
            out.putIfAbsent(r.name() + "|" + r.unitId(), r);
        }
        return List.copyOf(out.values());
    }

    private static String title(BreakdownSheet.Content sheet, String filename) {
        String t = sheet.title();
        if (t != null && t.endsWith(TITLE_SUFFIX)) {
            t = t.substring(0, t.length() - TITLE_SUFFIX.length()).strip();
        }
        if (t != null && !t.isBlank() && !t.equals(TEMPLATE_TITLE)) {
            return t;
        }
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String base = filename.replaceAll("^.*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static void appendRow(StringBuilder b, BreakdownSheet.SheetRow row, List<BreakdownColumn> columns) {
        b.append('第').append(row.number()).append("行");
        for (BreakdownColumn c : columns) {
            String v = row.get(c);
            if (!v.isEmpty()) {
                b.append('\n').append(c.header).append('：').append(v);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
