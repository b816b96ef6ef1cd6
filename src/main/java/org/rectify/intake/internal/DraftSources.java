package org.rectify.intake.internal;

import org.rectify.intake.PlanHeader;
import org.rectify.intake.PlanIntake;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.DraftTask;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.PlanDates;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an upload or a pasted text into task cards: the parser for texts, the breakdown import for spreadsheets. */
@Component
class DraftSources {

    private final PlanIntake intake;

    DraftSources(PlanIntake intake) {
        this.intake = intake;
    }

    ParsedSource parse(PlanUpload upload) {
        if (upload.kind() == SourceKind.XLSX) {
            BreakdownImport.Result r = BreakdownImport.read(upload.bytes(), upload.name(), intake.unitTree());
            return new ParsedSource(SourceKind.XLSX, upload.name(), r.sourceText(), r.title(), r.cards(), List.of());
        }
        return parse(upload.kind(), upload.name(), upload.text(), PlanDates.NONE);
    }

    ParsedSource parseText(String text) {
        if (text == null) {
            throw new IntakeRejected("intake.upload.nothing");
        }
        return parse(SourceKind.TEXT, null, PlanUpload.checkedText(text), PlanDates.NONE);
    }

    /**
     * The source read again with the dates of the office's header (年底前, 反馈后3个月内 are dated by them, not only
     * by what the preamble says); a spreadsheet states its dates and stays as it is.
     */
    ParsedSource dated(ParsedSource parsed, PlanHeader h) {
        if (parsed.kind() == SourceKind.XLSX || (h.feedbackDate() == null && h.issuedOn() == null)) {
            return parsed;
        }
        return parse(parsed.kind(), parsed.name(), parsed.sourceText(), new PlanDates(h.feedbackDate(), h.issuedOn()));
    }

    private ParsedSource parse(SourceKind kind, String name, String text, PlanDates dates) {
        DraftPlan plan = intake.parse(text, dates);
        Map<String, List<String>> byRef = new HashMap<>();
        List<ParseWarning> planWarnings = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        plan.tasks().forEach(t -> refs.add(t.ref()));
        for (ParseWarning w : plan.warnings()) {
            if (w.ref() != null && refs.contains(w.ref())) {
                byRef.computeIfAbsent(w.ref(), k -> new ArrayList<>()).add(w.message());
            } else {
                planWarnings.add(w);
            }
        }
        List<DraftCard> cards = new ArrayList<>();
        for (DraftTask t : plan.tasks()) {
            cards.add(DraftCard.of(t, byRef.getOrDefault(t.ref(), List.of())));
        }
        return new ParsedSource(kind, name, text, plan.title(), cards, planWarnings);
    }
}
