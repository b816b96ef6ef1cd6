package org.rectify.plans;

import org.rectify.units.KeptUnitNames;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A page's lead units named as a reader of the plan names them ({@link TaskDetail#namesAsWritten}: a group's name for
 * its members, each name once, in the task's order), from the ids each task's row keeps (V69) and the names the node
 * keeps ({@link KeptUnitNames}): the page's statement joined every row to the units' and groups' rows for their names,
 * about half of its PostgreSQL CPU (issue 14). One per page, made before its statement: the names are read then if
 * they must be, never while the page's rows hold a connection. Both ids are task_unit's foreign keys, so one the kept
 * names do not know was created since they were read: its row is named once the rows are read ({@link #complete}),
 * from names read again; one still unknown then is left out, as the join left it out.
 */
final class LeadNames {

    private final KeptUnitNames kept;
    private KeptUnitNames.Names names;
    private List<Pending> pending;

    LeadNames(KeptUnitNames kept) {
        this.kept = kept;
        this.names = kept.names();
    }

    /** The names of a task's lead units ({@code groupIds} null: none named through a group). */
    List<String> of(Long[] unitIds, Long[] groupIds) {
        List<String> written = named(names, unitIds, groupIds, false);
        if (written != null) {
            return written;
        }
        Pending later = new Pending(unitIds, groupIds);
        (pending == null ? pending = new ArrayList<>() : pending).add(later);
        return later;
    }

    /** Names the rows {@link #of} could not name from the kept names, from names read now: call once the rows are read. */
    void complete() {
        if (pending == null) {
            return;
        }
        names = kept.reread();
        pending.forEach(row -> row.names = named(names, row.unitIds, row.groupIds, true));
        pending = null;
    }

    /**
     * The units' names as written; null when {@code names} do not know one of the ids, unless {@code leaveOut}: then a
     * unit unknown is left out and a group unknown named by its unit (the old join's inner and left join).
     */
    private static List<String> named(KeptUnitNames.Names names, Long[] unitIds, Long[] groupIds, boolean leaveOut) {
        String[] written = new String[unitIds.length];
        int count = 0;
        for (int i = 0; i < unitIds.length; i++) {
            Long groupId = groupIds == null ? null : groupIds[i];
            String unit = names.unit(unitIds[i]);
            String group = groupId == null ? null : names.group(groupId);
            if (unit == null || (groupId != null && group == null)) {
                if (!leaveOut) {
                    return null;
                }
                if (unit == null) {
                    continue;
                }
            }
            written[count++] = group != null ? group : unit;
        }
        return TaskDetail.distinctNames(count == written.length ? written : Arrays.copyOf(written, count));
    }

    /** A row's names, given once the rows are read ({@link #complete}). */
    private static final class Pending extends AbstractList<String> {

        private final Long[] unitIds;
        private final Long[] groupIds;
        private List<String> names = List.of();

        private Pending(Long[] unitIds, Long[] groupIds) {
            this.unitIds = Arrays.copyOf(unitIds, unitIds.length);
            this.groupIds = groupIds == null ? null : Arrays.copyOf(groupIds, groupIds.length);
        }

        @Override
        public String get(int index) {
            return names.get(index);
        }

        @Override
        public int size() {
            return names.size();
        }
    }
}
