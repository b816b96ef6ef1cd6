package org.rectify.units;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.rectify.platform.KeptUntilChanged;
import org.rectify.platform.RenderedStatements;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.rectify.units.internal.db.Tables.UNIT;

/**
 * A unit's materialised path by its id, kept a few seconds: a ledger filtered by a lead unit (the root office's Q2, at
 * every page) read the path with a statement of its own before its page (issue 14). A path changes only when a unit
 * moves ({@link UnitAdministration#move}): on this node any change to the tree drops everything kept at once (and again
 * once it commits); a move on another node holds here within {@link #KEEP}. A path kept too long is never wider than
 * the unit's own subtree: it names the unit's ids from the root, so once the unit moved it is nobody's path and matches
 * none of the tasks' reach. An unknown unit is not kept. Not transactional: a kept path needs no connection, and a
 * missing one is one statement without a begin and a commit.
 */
@Component
public class KeptUnitPaths {

    static final Duration KEEP = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;
    private static final Param<Long> ID = DSL.param("id", Long.class);

    private final DSLContext db;
    private final RenderedStatements statements;
    private final KeptUntilChanged kept = new KeptUntilChanged(KEEP, MAX_ENTRIES);

    KeptUnitPaths(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /** The unit's path; empty for no such unit. */
    public Optional<String> path(long unitId) {
        return Optional.ofNullable(kept.get(unitId, () -> db.resultQuery(statements.sqlById(List.of("unit-path"),
                () -> db.select(UNIT.PATH).from(UNIT).where(UNIT.ID.eq(ID))), unitId).fetchOptional(0, String.class)
                .orElse(null)));
    }

    @EventListener(UnitsChanged.class)
    void changed() {
        kept.changed();
    }
}
