package org.rectify.intake.internal;

import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.intake.parser.UnresolvedMention;

import java.util.ArrayList;
import java.util.List;

/** What a source (a text, a Word document, a task breakdown) makes, before it is stored as a draft. */
record ParsedSource(SourceKind kind, String name, String sourceText, String title, List<DraftCard> cards,
                    List<ParseWarning> planWarnings) {

    /** The output contract: the parser's draft, units resolved against the unit tree. */
    DraftPlan toDraftPlan() {
        List<UnresolvedMention> unresolved = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>(planWarnings);
        for (DraftCard c : cards) {
            c.unresolved().forEach(m -> unresolved.add(new UnresolvedMention(c.ref(), m)));
            c.warnings().forEach(w -> warnings.add(new ParseWarning(c.ref(), w)));
        }
        return new DraftPlan(title, cards.stream().map(DraftCard::toDraftTask).toList(), unresolved, warnings);
    }
}
