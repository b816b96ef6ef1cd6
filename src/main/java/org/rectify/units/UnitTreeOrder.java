package org.rectify.units;

import java.util.Comparator;
import java.util.Map;

/** Depth-first order of the tree: compare paths element by element, siblings by sort order then name. */
final class UnitTreeOrder {

    record Key(int sortOrder, String name) {
    }

    private UnitTreeOrder() {
    }

    static Comparator<Unit> comparator(Map<Long, Key> keys) {
        Comparator<Long> sibling = Comparator.<Long, Integer>comparing(id -> keys.get(id).sortOrder())
                .thenComparing(id -> keys.get(id).name()).thenComparing(id -> id);
        return (a, b) -> {
            String[] pa = a.path().substring(1).split("/");
            String[] pb = b.path().substring(1).split("/");
            for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
                if (!pa[i].equals(pb[i])) {
                    return sibling.compare(Long.valueOf(pa[i]), Long.valueOf(pb[i]));
                }
            }
            return Integer.compare(pa.length, pb.length);
        };
    }
}
