package org.rectify.insight.internal;

import org.rectify.access.DataScope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard computed once per scope and filter and served again until the facts it reads change (issue 14: "a count
 * computed once per filter and cached until data changes"): kept under the version of {@link FiguresVersion} read
 * before it was computed, and the day (what is overdue, the period and the weeks move with it). A newer version drops
 * every dashboard kept; a repeated read then costs the version's lookup.
 */
@Component
class KeptDashboards {

    /** Dashboards kept at most (scopes × filters in use between two changes); past it, one more is computed, not kept. */
    static final int MAX_KEPT = 1_000; // about 10 KB each (the province office's: 9.6 KB of JSON)

    private record Key(LocalDate day, DataScope scope, InsightFilter filter, Long unitsUnder) {
    }

    private record Generation(long version, Map<Key, Dashboard> dashboards) {
    }

    private final Figures figures;
    private final FiguresVersion version;
    private final KeptCountsUpdates updates;
    private volatile Generation current = new Generation(Long.MIN_VALUE, Map.of());

    KeptDashboards(Figures figures, FiguresVersion version, KeptCountsUpdates updates) {
        this.figures = figures;
        this.version = version;
        this.updates = updates;
    }

    /** {@link Figures#dashboard}, computed again only when the facts or the day changed since it was last. */
    Dashboard dashboard(InsightFilter filter, DataScope scope, Long unitsUnder) {
        updates.awaitApplied(); // the changes committed on this node before the ask are counted, and the version moved
        long now = version.current();
        Generation g = current;
        if (g.version() < now) {
            g = new Generation(now, new ConcurrentHashMap<>());
            current = g;
        } else if (g.version() > now) {
            return figures.dashboard(filter, scope, unitsUnder); // read before a newer version came in: not kept
        }
        Key key = new Key(figures.today(), scope, filter, unitsUnder);
        Dashboard kept = g.dashboards().get(key);
        if (kept != null) {
            return kept;
        }
        Dashboard d = figures.dashboard(filter, scope, unitsUnder);
        if (g.dashboards().size() < MAX_KEPT) {
            g.dashboards().put(key, d);
        }
        return d;
    }
}
