package org.rectify.plans;

import org.rectify.units.UnitPaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a new task keeps of its units, worked out before it is written: its unit reach (the paths at and above its
 * units), its lead reach (those of its lead units), its lead units and the groups they came through, as V70's
 * {@code task_reach_refresh} works them out (sorted paths; lead units in the order written; the groups only when one
 * came through a group). A task inserted with them leaves the refresh that follows its units' insert nothing to change,
 * so none of the task triggers runs a second time for the batch (issue 14: 2-5 s of a 2,000-task publication). The
 * refresh still runs and stays the authority: a difference here would cost time, never a wrong reach.
 */
record NewTaskReach(String[] unitReach, String[] leadReach, Long[] leadUnitIds, Long[] leadGroupIds) {

    /**
     * @param lead       the lead units (unit id → the group it came through, or null), in the order written
     * @param supporting the supporting units, likewise
     * @param paths      every one of these units' paths, by id
     */
    static NewTaskReach of(Map<Long, Long> lead, Map<Long, Long> supporting, Map<Long, String> paths) {
        TreeSet<String> units = new TreeSet<>(); // paths are ASCII: String order is the "C" collation's byte order
        TreeSet<String> leads = new TreeSet<>();
        for (Long id : lead.keySet()) {
            leads.addAll(UnitPaths.andAbove(paths.get(id)));
        }
        units.addAll(leads);
        for (Long id : supporting.keySet()) {
            units.addAll(UnitPaths.andAbove(paths.get(id)));
        }
        List<Long> groups = new ArrayList<>(lead.values());
        boolean viaGroup = groups.stream().anyMatch(Objects::nonNull);
        return new NewTaskReach(units.toArray(String[]::new), leads.toArray(String[]::new),
                lead.keySet().toArray(Long[]::new), viaGroup ? groups.toArray(Long[]::new) : null);
    }
}
