package org.rectify.units;

import org.jooq.DSLContext;
import org.jooq.Record3;
import org.rectify.platform.KeptUntilChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.jooq.impl.DSL.inline;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP;

/**
 * The name of every unit and unit group by id, kept on the node: a ledger page names its tasks' lead units by the ids
 * their rows carry rather than joining each row to the units' and groups' rows (about half of a page's PostgreSQL CPU,
 * issue 14). Read whole in one statement (a province has a few thousand units and groups). On this node a rename, a
 * group's change or any other change to the tree drops them at once (and again once it commits); another node's shows
 * within {@link #KEEP}, after which one request reads them again while the others are served the kept ones. A unit or
 * group the kept names do not know (created since, elsewhere or by hand) is no reason to wait: {@link #reread}.
 */
@Component
public class KeptUnitNames {

    static final Duration KEEP = Duration.ofSeconds(5);
    private static final Object KEY = KeptUnitNames.class;

    private final DSLContext db;
    private final KeptUntilChanged kept = new KeptUntilChanged(KEEP, 2, true);

    KeptUnitNames(DSLContext db) {
        this.db = db;
    }

    /** The names as kept, read when none are. */
    public Names names() {
        return kept.get(KEY, this::read);
    }

    /** The names read now, kept for the next request: for an id {@link #names} did not know. */
    public Names reread() {
        long generation = kept.generation();
        Names names = read();
        kept.keep(KEY, names, generation);
        return names;
    }

    private Names read() {
        // units (kind 0), then groups (1), each by id: sorted arrays to search, no boxed key per lookup
        var rows = db.select(inline(0).as("kind"), UNIT.ID, UNIT.NAME).from(UNIT)
                .unionAll(db.select(inline(1), UNIT_GROUP.ID, UNIT_GROUP.NAME).from(UNIT_GROUP))
                .orderBy(inline(1), inline(2))
                .fetch();
        int units = (int) rows.stream().filter(r -> r.value1() == 0).count();
        return new Names(rows.subList(0, units), rows.subList(units, rows.size()));
    }

    @EventListener({UnitsChanged.class, UnitRenamed.class})
    void changed() {
        kept.changed();
    }

    /** Names by id as read at one time; null for an id unknown then. */
    public static final class Names {

        private final long[] unitIds;
        private final String[] unitNames;
        private final long[] groupIds;
        private final String[] groupNames;

        private Names(List<Record3<Integer, Long, String>> units, List<Record3<Integer, Long, String>> groups) {
            unitIds = units.stream().mapToLong(Record3::value2).toArray();
            unitNames = units.stream().map(Record3::value3).toArray(String[]::new);
            groupIds = groups.stream().mapToLong(Record3::value2).toArray();
            groupNames = groups.stream().map(Record3::value3).toArray(String[]::new);
        }

        public String unit(long id) {
            int at = Arrays.binarySearch(unitIds, id);
            return at < 0 ? null : unitNames[at];
        }

        public String group(long id) {
            int at = Arrays.binarySearch(groupIds, id);
            return at < 0 ? null : groupNames[at];
        }
    }
}
