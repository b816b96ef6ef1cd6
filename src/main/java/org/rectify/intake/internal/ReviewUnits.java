package org.rectify.intake.internal;

import org.rectify.intake.PlanIntake;
import org.rectify.intake.parser.MentionResolver;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.platform.InvalidInputException;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The units a reviewer gives a task, resolved against the unit tree as the parser would resolve them. */
@Component
@Transactional(readOnly = true)
class ReviewUnits {

    private final PlanIntake intake;
    private final Units units;

    ReviewUnits(PlanIntake intake, Units units) {
        this.intake = intake;
        this.units = units;
    }

    /** Unit names as the review screen takes them, read by the parser's rules and resolved. */
    List<UnitMention> written(String written) {
        return BreakdownImport.resolve(written == null ? "" : written, intake.unitTree());
    }

    /** Units as the API gives them: by id (checked), else by name (resolved if the tree knows it). */
    List<UnitMention> given(List<UnitMention> given) {
        List<UnitMention> out = new ArrayList<>();
        UnitResolver tree = intake.unitTree();
        List<UnitMention> mentions = given == null ? List.of() : given;
        MentionResolver.prefetch(mentions.stream().filter(m -> m != null && m.unitId() == null && m.name() != null)
                .map(m -> m.name().strip()).toList(), tree);
        for (UnitMention m : mentions) {
            if (m == null) {
                continue;
            }
            if (m.unitId() != null) {
                String name = m.group() ? units.groups().stream().filter(g -> g.id() == m.unitId()).findFirst()
                        .map(g -> g.name()).orElse(null) : units.find(m.unitId()).map(u -> u.name()).orElse(null);
                if (name == null) {
                    throw new InvalidInputException(Map.of("units", "intake.card.unknownUnitId"),
                            "intake.card.unknownUnitId", m.unitId());
                }
                out.add(new UnitMention(name, m.group(), m.unitId()));
            } else if (m.name() != null && !m.name().isBlank()) {
                UnitMention written = new UnitMention(m.name().strip(), m.group(), null);
                out.add(MentionResolver.resolve(written, tree).orElse(written));
            }
        }
        return out;
    }
}
