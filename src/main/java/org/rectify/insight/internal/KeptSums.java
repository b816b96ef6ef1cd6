package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.jooq.impl.DSL.excluded;

/**
 * Changes to one kept table of sums: rows named by their key columns, each with counts to add, summed in memory and
 * written as upserts ({@code count = count + excluded.count}) in key order, so concurrent writers lock rows in one order.
 */
final class KeptSums<R extends Record> {

    private static final int CHUNK = 1_000;

    private final Table<R> table;
    private final List<TableField<R, ?>> keys;
    private final List<TableField<R, Integer>> counts;
    private final TreeMap<List<Object>, int[]> rows = new TreeMap<>(KeptSums::compare);

    KeptSums(Table<R> table, List<TableField<R, ?>> keys, List<TableField<R, Integer>> counts) {
        this.table = table;
        this.keys = keys;
        this.counts = counts;
    }

    /** Adds {@code sign} times {@code values} (one per count column) to the row of {@code key} (one per key column). */
    void add(int sign, List<Object> key, int... values) {
        int[] row = rows.computeIfAbsent(key, k -> new int[counts.size()]);
        for (int i = 0; i < values.length; i++) {
            row[i] += sign * values[i];
        }
    }

    List<Query> writes(DSLContext db) {
        List<Field<?>> columns = new ArrayList<>(keys);
        columns.addAll(counts);
        Map<Field<?>, Object> sums = new HashMap<>();
        counts.forEach(c -> sums.put(c, c.plus(excluded(c))));
        List<Query> writes = new ArrayList<>();
        List<List<Object>> chunk = new ArrayList<>();
        for (var e : rows.entrySet()) {
            if (java.util.Arrays.stream(e.getValue()).allMatch(v -> v == 0)) {
                continue;
            }
            List<Object> values = new ArrayList<>(e.getKey());
            for (int v : e.getValue()) {
                values.add(v);
            }
            chunk.add(values);
            if (chunk.size() == CHUNK) {
                writes.add(upsert(db, columns, chunk, sums));
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            writes.add(upsert(db, columns, chunk, sums));
        }
        return writes;
    }

    private Query upsert(DSLContext db, List<Field<?>> columns, List<List<Object>> values, Map<Field<?>, Object> sums) {
        var insert = db.insertInto(table, columns);
        for (List<Object> row : values) {
            insert = insert.values(row);
        }
        return insert.onConflict(keys).doUpdate().set(sums);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
